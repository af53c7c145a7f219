package dev.glassbox.djl.onnx;

import ai.djl.ndarray.NDManager;
import dev.glassbox.djl.graph.ModelGraph;
import java.util.List;

/**
 * An imported ONNX model: its graph, the declared shape of one input sample, the opset and the producer. The import
 * owns the manager that holds the model's constants (weights, folded tensors); {@link #close()} frees them, after which
 * the graph no longer runs.
 *
 * @param graph the model as a graph of nodes running on DJL's PyTorch engine
 * @param sampleShape the input's declared dimensions after the batch dimension, {@code null} entries where symbolic;
 *     {@code null} when the file declares no shape
 * @param opset the opset of the default ONNX domain
 * @param producer the producer name and version the file records (may be empty)
 * @param constants the manager holding the model's constants
 */
public record OnnxImport(ModelGraph graph, List<Long> sampleShape, int opset, String producer, NDManager constants)
        implements AutoCloseable {

    /** Frees the model's constants. */
    @Override
    public void close() {
        constants.close();
    }
}
