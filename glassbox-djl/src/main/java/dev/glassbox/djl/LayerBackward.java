package dev.glassbox.djl;

import ai.djl.ndarray.NDArray;

/**
 * A claimed layer's own vector–Jacobian products, offered to its {@link Rule} during a reverse pass: at the input the
 * forward pass recorded, or at another point of the layer's input space (the layer then runs there once more).
 */
public interface LayerBackward {

    /** {@code cotangentᵀ · ∂layer/∂x} at the recorded input; at most once per pass. */
    NDArray atInput(NDArray cotangent);

    /** {@code cotangentᵀ · ∂layer/∂x} at {@code point}, which may broadcast to the batch (a shared reference). */
    NDArray at(NDArray point, NDArray cotangent);
}
