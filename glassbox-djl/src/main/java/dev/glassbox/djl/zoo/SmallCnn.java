package dev.glassbox.djl.zoo;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import dev.glassbox.djl.model.NamedBlocks;

/**
 * The end-to-end CNN Tramèr and Boneh 2021 train with DP-SGD on (Fashion-)MNIST: a 16-filter 8×8 convolution of
 * stride 2, a 2×2 max-pool of stride 1, a 32-filter 4×4 convolution of stride 2, another such pool, a 32-unit linear
 * layer and the 10-class output, with tanh activations (Papernot et al. 2021: bounded activations suit clipped
 * gradients) and no BatchNorm (a per-example gradient must depend on its example alone). About 26,000 weights, fifty
 * times cheaper than {@link FashionCnn}: the architecture of the DP and adversarially trained models that fit on a
 * few CPU cores.
 */
public final class SmallCnn {
    /** The architecture's name in saved model cards. */
    public static final String NAME = "small-cnn";
    /** The last convolutional activation, where Grad-CAM reads. */
    public static final String LAST_CONV = "tanh2";

    private SmallCnn() {
    }

    /** A fresh, uninitialised network. */
    public static NamedBlocks build() {
        return new NamedBlocks()
                .add("conv1", Conv2d.builder().setKernelShape(new Shape(8, 8)).optStride(new Shape(2, 2))
                        .optPadding(new Shape(3, 3)).setFilters(16).build())
                .add("tanh1", Activation.tanhBlock())
                .add("pool1", Pool.maxPool2dBlock(new Shape(2, 2), new Shape(1, 1)))
                .add("conv2", Conv2d.builder().setKernelShape(new Shape(4, 4)).optStride(new Shape(2, 2))
                        .setFilters(32).build())
                .add("tanh2", Activation.tanhBlock())
                .add("pool2", Pool.maxPool2dBlock(new Shape(2, 2), new Shape(1, 1)))
                .add("flatten", Blocks.batchFlattenBlock())
                .add("fc1", Linear.builder().setUnits(32).build())
                .add("tanh3", Activation.tanhBlock())
                .add("fc2", Linear.builder().setUnits(10).build());
    }
}
