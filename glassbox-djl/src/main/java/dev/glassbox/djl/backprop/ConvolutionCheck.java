package dev.glassbox.djl.backprop;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;

/**
 * A once-per-JVM check that the engine's float32 convolutions of batches are right. On some CPUs the AVX, AVX2 and
 * AVX-512 kernels of oneDNN (which PyTorch uses for convolutions of batches) compute wrong outputs for some channel
 * counts, and wrong input gradients for others, which would silently corrupt predictions and every gradient method;
 * its SSE4.1 kernels are right. The check runs a few small batched convolutions (channel counts of 1, 11 and 22,
 * kernels of 3 and 5) in float32 and in float64 (which does not go through oneDNN), forward and backward, and refuses
 * to go on, naming the fix, when they differ.
 */
final class ConvolutionCheck {
    private static final int[][] CASES = { // input channels, output channels, size, kernel
        {1, 4, 7, 5}, {1, 11, 14, 3}, {11, 4, 7, 3}, {11, 22, 14, 3}, {22, 45, 7, 3}, {12, 24, 14, 5}};
    private static final double TOLERANCE = 1e-4;
    private static volatile String failure;
    private static volatile boolean done;

    private ConvolutionCheck() {
    }

    /** Runs the check unless it already ran; called with the one gradient collector free. */
    static void requireCorrectKernels() {
        if (!done) {
            failure = firstFailure();
            done = true;
        }
        if (failure != null) {
            throw new IllegalStateException("this CPU's oneDNN convolution kernels give wrong results for batches ("
                    + failure + " relative to the same convolution in float64; a known fault of its AVX, AVX2 and "
                    + "AVX-512 code on some processors); set the environment variable ONEDNN_MAX_CPU_ISA=SSE41 "
                    + "before starting the JVM (the glassbox launcher does)");
        }
    }

    private static String firstFailure() {
        try (NDManager manager = NDManager.newBaseManager(Engine.getEngine("PyTorch").defaultDevice(), "PyTorch")) {
            for (int[] c : CASES) {
                NDArray x = wave(manager, new Shape(2, c[0], c[2], c[2]), 0.37);
                NDArray weight = wave(manager, new Shape(c[1], c[0], c[3], c[3]), 0.91);
                NDArray[] single = outputAndInputGradient(x, weight, c[3] / 2);
                NDArray[] exact = outputAndInputGradient(x.toType(DataType.FLOAT64, false),
                        weight.toType(DataType.FLOAT64, false), c[3] / 2);
                String[] what = {"output", "input gradient"};
                for (int i = 0; i < 2; i++) {
                    double error = relativeError(single[i], exact[i]);
                    if (!(error <= TOLERANCE)) {
                        return String.format("the %s of a %d→%d-channel %d×%d convolution was off by %.2g", what[i],
                                c[0], c[1], c[3], c[3], error);
                    }
                }
            }
        }
        return null;
    }

    /** Deterministic values in [-1, 1] that vary along every axis: sin(phase · (index + 1)). */
    private static NDArray wave(NDManager manager, Shape shape, double phase) {
        return manager.arange(1f, shape.size() + 1f).mul((float) phase).sin().reshape(shape);
    }

    /** The convolution's output and d(Σ output ⊙ cos(output index))/dx, in the inputs' precision. */
    private static NDArray[] outputAndInputGradient(NDArray x, NDArray weight, int padding) {
        NDArray leaf = x.duplicate();
        leaf.setRequiresGradient(true);
        NDArray output;
        try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
            output = Conv2d.conv2d(leaf, weight, null, new Shape(1, 1), new Shape(padding, padding))
                    .singletonOrThrow();
            NDArray cotangent = leaf.getManager().arange(output.getShape().size()).toType(output.getDataType(), false)
                    .cos().reshape(output.getShape());
            collector.backward(output.mul(cotangent).sum());
        }
        return new NDArray[] {output.stopGradient(), leaf.getGradient()};
    }

    private static double relativeError(NDArray actual, NDArray exact) {
        NDArray reference = exact.toType(DataType.FLOAT64, false);
        return actual.toType(DataType.FLOAT64, false).sub(reference).abs().max().getDouble()
                / reference.abs().max().getDouble();
    }
}
