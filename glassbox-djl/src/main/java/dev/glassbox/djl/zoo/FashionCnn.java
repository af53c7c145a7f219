package dev.glassbox.djl.zoo;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import dev.glassbox.djl.model.NamedBlocks;
import java.util.Optional;

/**
 * The demo classifier for 1×28×28 Fashion-MNIST images: five 3×3 convolutions with BatchNorm and ReLU (two max-pools
 * between them), then global average pooling, dropout and one linear layer. The last three layers make CAM
 * ({@code relu5} weighted by {@code fc}), Grad-CAM and MC dropout apply.
 */
public final class FashionCnn {
    /** The architecture's name in saved model cards. */
    public static final String NAME = "fashion-cnn";
    /** The last convolutional activation, where CAM and Grad-CAM read. */
    public static final String LAST_CONV = "relu5";
    /** The dropout rate before the linear layer, unless a tuning run chose another. */
    public static final float DROPOUT = 0.3f;

    private static final int[] FILTERS = {32, 32, 64, 64, 128};
    private static final String WIDTH_SUFFIX = "-width-";

    private FashionCnn() {
    }

    /** A fresh, uninitialised network. */
    public static NamedBlocks build() {
        return build(1, DROPOUT);
    }

    /**
     * A fresh network with every convolution's filters scaled by {@code width} and rounded to a multiple of 8 (at
     * least 8), and the given dropout rate, as a tuning run explores them. Multiples of 8 because the engine's oneDNN
     * convolution kernels have given wrong outputs on some CPUs for inputs of other channel counts (such as 11 or 22)
     * in batches; see the README's engine notes.
     */
    public static NamedBlocks build(double width, float dropout) {
        if (!(width > 0 && width <= 4)) {
            throw new IllegalArgumentException("the width multiplier must be in (0, 4], was " + width);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("the dropout rate must be in [0, 1), was " + dropout);
        }
        NamedBlocks net = new NamedBlocks();
        for (int i = 0; i < FILTERS.length; i++) {
            int n = i + 1;
            net.add("conv" + n, Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
                    .setFilters(Math.max(8, 8 * (int) Math.round(FILTERS[i] * width / 8))).build());
            net.add("bn" + n, BatchNorm.builder().build());
            net.add("relu" + n, Activation.reluBlock());
            if (n == 2 || n == 4) {
                net.add("pool" + (n / 2), Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
            }
        }
        net.add("gap", Pool.globalAvgPool2dBlock());
        net.add("dropout", Dropout.builder().optRate(dropout).build());
        net.add("fc", Linear.builder().setUnits(10).build());
        return net;
    }

    /** The architecture name a model of this width is saved under: {@link #NAME} at width 1. */
    public static String name(double width) {
        return width == 1 ? NAME : NAME + WIDTH_SUFFIX + width;
    }

    /** The network a saved architecture name stands for, if it is this one at some width. */
    static Optional<NamedBlocks> fromName(String name) {
        if (!name.startsWith(NAME + WIDTH_SUFFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(build(Double.parseDouble(name.substring((NAME + WIDTH_SUFFIX).length())),
                    DROPOUT));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
