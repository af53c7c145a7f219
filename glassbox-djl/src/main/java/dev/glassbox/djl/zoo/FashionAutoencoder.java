package dev.glassbox.djl.zoo;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.convolutional.Conv2d;
import dev.glassbox.djl.model.NamedBlocks;

/**
 * A small convolutional autoencoder for 1×28×28 images in [0, 1]: two stride-2 3×3 convolutions (16 and 8 filters,
 * an 8×7×7 code, half the input's size), then twice nearest-neighbour upsampling by 2 followed by a 3×3 convolution
 * (16 filters, then 1), ReLU between and a sigmoid at the end, flattened to 784 values. Its reconstruction error
 * scores out-of-distribution inputs.
 */
public final class FashionAutoencoder {
    /** The architecture's name in saved model cards. */
    public static final String NAME = "fashion-autoencoder";

    private FashionAutoencoder() {
    }

    /** A fresh, uninitialised network. */
    public static NamedBlocks build() {
        return new NamedBlocks()
                .add("enc1", conv(16, 2))
                .add("relu1", Activation.reluBlock())
                .add("enc2", conv(8, 2))
                .add("relu2", Activation.reluBlock())
                .add("up1", upsample())
                .add("dec1", conv(16, 1))
                .add("relu3", Activation.reluBlock())
                .add("up2", upsample())
                .add("dec2", conv(1, 1))
                .add("sigmoid", Activation.sigmoidBlock())
                .add("flatten", Blocks.batchFlattenBlock());
    }

    private static Block conv(int filters, int stride) {
        return Conv2d.builder().setKernelShape(new Shape(3, 3)).optStride(new Shape(stride, stride))
                .optPadding(new Shape(1, 1)).setFilters(filters).build();
    }

    /** Nearest-neighbour upsampling by 2: every value repeated along height and width. */
    private static Block upsample() {
        return LambdaBlock.singleton(x -> x.repeat(2, 2).repeat(3, 2), "upsample");
    }
}
