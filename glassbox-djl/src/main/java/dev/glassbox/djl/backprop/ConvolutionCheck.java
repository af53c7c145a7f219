package dev.glassbox.djl.backprop;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;

/**
 * A once-per-JVM check that the engine's batched convolution backward pass is right. On some CPUs the AVX2 and
 * AVX-512 kernels of oneDNN (which PyTorch uses for convolutions of batches) return wrong input gradients while
 * the forward pass stays right, which would silently corrupt every gradient method; its AVX kernels are right. The
 * check takes the input gradient of a small convolution for a batch of two equal rows and for one row alone and
 * refuses to go on, naming the fix, when they differ.
 */
final class ConvolutionCheck {
    private static volatile boolean passed;

    private ConvolutionCheck() {
    }

    /** Runs the check unless it already passed; called with the one gradient collector free. */
    static void requireCorrectKernels() {
        if (passed) {
            return;
        }
        try (NDManager manager = NDManager.newBaseManager(Engine.getEngine("PyTorch").defaultDevice(), "PyTorch")) {
            NDArray row = manager.arange(36f).reshape(1, 1, 6, 6).div(36f);
            NDArray weight = manager.arange(18f).reshape(2, 1, 3, 3).sub(8f);
            float[] alone = inputGradient(row, weight);
            float[] both = inputGradient(row.repeat(0, 2), weight);
            for (int i = 0; i < alone.length; i++) {
                if (Math.abs(alone[i] - both[i]) > 1e-4f * (1 + Math.abs(alone[i]))) {
                    throw new IllegalStateException("this CPU's oneDNN convolution kernels give wrong gradients for "
                            + "batches (a known fault of its AVX2/AVX-512 code on some processors); set the environment "
                            + "variable ONEDNN_MAX_CPU_ISA=AVX before starting the JVM (the glassbox launcher does)");
                }
            }
        }
        passed = true;
    }

    private static float[] inputGradient(NDArray x, NDArray weight) {
        NDArray leaf = x.duplicate();
        leaf.setRequiresGradient(true);
        try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
            collector.backward(Conv2d.conv2d(leaf, weight, null, new Shape(1, 1), new Shape(1, 1)).singletonOrThrow()
                    .sum());
        }
        return leaf.getGradient().get("0").toFloatArray();
    }
}
