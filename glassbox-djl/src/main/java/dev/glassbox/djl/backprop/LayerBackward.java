package dev.glassbox.djl.backprop;

import ai.djl.ndarray.NDArray;
import java.util.function.UnaryOperator;

/** A claimed node's own vector–Jacobian product at the input the forward pass recorded, offered to its {@link Rule}. */
public interface LayerBackward {

    /** {@code cotangentᵀ · ∂node/∂x} at the recorded input; at most once per pass. */
    NDArray atInput(NDArray cotangent);

    /**
     * {@code cotangentᵀ · ∂op/∂x} at the recorded input for another operation of the node's input (the node with
     * transformed weights, as LRP-γ needs); each call is a backward pass of its own.
     */
    NDArray through(UnaryOperator<NDArray> op, NDArray cotangent);

    /**
     * For rules that {@link Rule#readsPlainCotangent() read it}: when the node's output is read only by another
     * claimed node, the cotangent that node's own backward pass gives at this node's output (before that node's rule
     * replaced it); otherwise {@code null}.
     */
    default NDArray plainCotangent() {
        return null;
    }
}
