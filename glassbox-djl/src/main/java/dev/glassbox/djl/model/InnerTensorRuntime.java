package dev.glassbox.djl.model;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Map;

/**
 * Another runtime that computes an imported graph's inner tensors from its input, without gradients (ONNX Runtime for
 * an ONNX file): the part of a pass that ends where a layer method starts taking gradients.
 */
interface InnerTensorRuntime extends AutoCloseable {

    /**
     * The named tensors for the batch {@code x}, as arrays of {@code x}'s manager, or {@code null} when this runtime
     * cannot give them (a tensor it does not know or that is not float32): the caller then runs the graph itself.
     */
    Map<String, NDArray> tensors(NDArray x, List<String> names);

    @Override
    void close();
}
