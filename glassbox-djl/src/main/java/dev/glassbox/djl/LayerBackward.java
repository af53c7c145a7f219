package dev.glassbox.djl;

import ai.djl.ndarray.NDArray;

/** A claimed layer's own vector–Jacobian product at the input the forward pass recorded, offered to its {@link Rule}. */
@FunctionalInterface
public interface LayerBackward {

    /** {@code cotangentᵀ · ∂layer/∂x} at the recorded input; at most once per pass. */
    NDArray atInput(NDArray cotangent);
}
