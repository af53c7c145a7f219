package dev.glassbox.djl;

import dev.glassbox.core.model.Shape;
import dev.glassbox.djl.backprop.Rule;
import dev.glassbox.djl.graph.ModelGraph;
import java.util.Map;

/**
 * A {@link LayeredModel} whose graph glassbox holds, node by node: a model built from DJL blocks, or an ONNX model
 * imported as a graph. Rule-based attributions (DeepLIFT, guided backprop, deconvnet, LRP) need one; every node's
 * output is a layer.
 */
public interface GraphModel extends LayeredModel {

    /** The model's graph. */
    ModelGraph graph();

    /**
     * The shape of one sample at each node's first output, from one forward pass of a zero sample, keyed by node name
     * in topological order; nodes whose output has no batch dimension (shape computations) are left out.
     */
    Map<String, Shape> layerShapes();

    /**
     * Three float32 copies of every node's output for one sample — the activation, what autograd keeps of it, and its
     * gradient — as an estimate of the engine memory a sample's pass holds.
     */
    @Override
    default long activationBytesPerSample() {
        return 12L * layerShapes().values().stream().mapToLong(Shape::size).sum();
    }
}
