package dev.glassbox.djl.graph;

import ai.djl.ndarray.NDArray;

/**
 * The affine view of a node: {@code y = op(x; weight) + bias}, linear in {@code x} for fixed weights. Rules that
 * transform weights (LRP-γ, z⁺, αβ) rebuild the node's output with {@link #apply}; transforms are elementwise, so the
 * weight's layout (a convolution's kernel, a dense layer's matrix, a per-channel scale) is the node's own business.
 */
public interface AffineNode {

    /** The node's weight. */
    NDArray weight();

    /** The node's bias, or {@code null} when it has none. */
    NDArray bias();

    /** The node's operation on {@code x} with {@code weight} and {@code bias} ({@code null}: no bias) instead of its own. */
    NDArray apply(NDArray x, NDArray weight, NDArray bias);
}
