package dev.glassbox.djl.backprop;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Numbers and Java data as engine arrays whose memory libtorch owns, for use in computations that are differentiated.
 *
 * <p>DJL's PyTorch engine wraps Java data in a tensor over a Java direct buffer ({@code from_blob}) and frees the buffer
 * when the array is closed and collected. Its operations with a Java number ({@code x.mul(2)}, {@code x.div(n)},
 * {@code x.pow(3)}, {@code rdiv(1)}, {@code x.maximum(0)}) make such an array for the number and close it at once, but
 * the autograd graph keeps the tensor for the backward pass, which then reads freed memory once the collector has run:
 * measured, the gradient of {@code x.mul(3)} was wrong in 200 of 200 passes with a collection between forward and
 * backward. Arrays made here are copied into libtorch's memory and stay valid as long as the graph refers to them.
 */
public final class Scalars {
    private Scalars() {
    }

    /** {@code value} as a scalar array of {@code like}'s data type, in {@code like}'s manager. */
    public static NDArray like(NDArray like, double value) {
        NDManager manager = like.getManager();
        try (NDArray wrapped = manager.create(value); NDArray typed = wrapped.toType(like.getDataType(), false)) {
            return typed.duplicate();
        }
    }

    /** A copy of {@code javaBacked} (an array made from Java data) in memory libtorch owns; closes the original. */
    public static NDArray owned(NDArray javaBacked) {
        try (NDArray original = javaBacked) {
            return original.duplicate();
        }
    }
}
