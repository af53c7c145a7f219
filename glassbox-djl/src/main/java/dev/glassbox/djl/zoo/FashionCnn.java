package dev.glassbox.djl.zoo;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import dev.glassbox.djl.model.NamedBlocks;

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

    private FashionCnn() {
    }

    /** A fresh, uninitialised network. */
    public static NamedBlocks build() {
        NamedBlocks net = new NamedBlocks();
        int[] filters = {32, 32, 64, 64, 128};
        for (int i = 0; i < filters.length; i++) {
            int n = i + 1;
            net.add("conv" + n, Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
                    .setFilters(filters[i]).build());
            net.add("bn" + n, BatchNorm.builder().build());
            net.add("relu" + n, Activation.reluBlock());
            if (n == 2 || n == 4) {
                net.add("pool" + (n / 2), Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
            }
        }
        net.add("gap", Pool.globalAvgPool2dBlock());
        net.add("dropout", Dropout.builder().optRate(0.3f).build());
        net.add("fc", Linear.builder().setUnits(10).build());
        return net;
    }
}
