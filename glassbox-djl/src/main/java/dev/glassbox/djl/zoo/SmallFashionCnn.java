package dev.glassbox.djl.zoo;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import dev.glassbox.djl.model.NamedBlocks;

/**
 * A small classifier for 1×28×28 Fashion-MNIST images, about 40 times cheaper than {@link FashionCnn}: three 3×3
 * convolutions of 8, 16 and 32 channels with ReLU (2×2 max-pools after the first two), global average pooling and one
 * linear layer. It makes experiments that train several models (TCAV's planted-concept experiment) fit in minutes.
 */
public final class SmallFashionCnn {
    /** The architecture's name in saved model cards. */
    public static final String NAME = "fashion-cnn-small";

    private SmallFashionCnn() {
    }

    /** A fresh, uninitialised network. */
    public static NamedBlocks build() {
        NamedBlocks net = new NamedBlocks();
        int[] filters = {8, 16, 32};
        for (int i = 0; i < filters.length; i++) {
            int n = i + 1;
            net.add("conv" + n, Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
                    .setFilters(filters[i]).build());
            net.add("relu" + n, Activation.reluBlock());
            if (n < filters.length) {
                net.add("pool" + n, Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
            }
        }
        net.add("gap", Pool.globalAvgPool2dBlock());
        net.add("fc", Linear.builder().setUnits(10).build());
        return net;
    }
}
