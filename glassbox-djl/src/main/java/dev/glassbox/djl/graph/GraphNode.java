package dev.glassbox.djl.graph;

import ai.djl.ndarray.NDList;
import java.util.List;
import java.util.Optional;

/**
 * One operation of a model graph that glassbox holds (an imported ONNX node, or a layer of a model built from DJL
 * blocks): the tensors it reads and writes by name, and its forward pass. Constant inputs (weights, folded shape
 * computations) are bound inside the node; {@link #inputs()} names only tensors computed from the model's input.
 * Operators use the ONNX vocabulary ({@code Relu}, {@code MaxPool}, {@code Conv}, {@code Gemm}, …) whatever the
 * model's origin, so that one rule claims the same kind of layer in every model.
 */
public interface GraphNode {

    /** A name unique within the graph. */
    String name();

    /** The ONNX operator type, such as {@code Relu} or {@code Conv}. */
    String operator();

    /** The tensors this node reads, in the order {@link #forward} takes them. */
    List<String> inputs();

    /** The tensors this node writes, in the order {@link #forward} returns them. */
    List<String> outputs();

    /**
     * The node's outputs for its inputs, in inference mode (dropout off, batch normalisation on running statistics),
     * keeping the inputs' autograd graph. The first dimension of data tensors is the batch.
     */
    NDList forward(NDList inputs);

    /**
     * For nodes that are affine in their one input with constant weights (convolutions, dense layers, batch
     * normalisation in inference): the same operation with other weights, for rules such as LRP-γ that transform them.
     */
    default Optional<AffineNode> affine() {
        return Optional.empty();
    }
}
