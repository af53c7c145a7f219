package dev.glassbox.djl.zoo;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.convolutional.Conv2dTranspose;
import dev.glassbox.djl.NamedBlocks;

/**
 * A small convolutional autoencoder for 1×28×28 images in [0, 1]: two stride-2 3×3 convolutions (16 and 8 filters,
 * a 8×7×7 code, half the input's size) and two stride-2 4×4 transposed convolutions back to 1×28×28, ReLU between
 * and a sigmoid at the end, flattened to 784 values. Its reconstruction error scores out-of-distribution inputs.
 */
public final class FashionAutoencoder {
    /** The architecture's name in saved model cards. */
    public static final String NAME = "fashion-autoencoder";

    private FashionAutoencoder() {
    }

    /** A fresh, uninitialised network. */
    public static NamedBlocks build() {
        Shape stride = new Shape(2, 2);
        return new NamedBlocks()
                .add("enc1", Conv2d.builder().setKernelShape(new Shape(3, 3)).optStride(stride)
                        .optPadding(new Shape(1, 1)).setFilters(16).build())
                .add("relu1", Activation.reluBlock())
                .add("enc2", Conv2d.builder().setKernelShape(new Shape(3, 3)).optStride(stride)
                        .optPadding(new Shape(1, 1)).setFilters(8).build())
                .add("relu2", Activation.reluBlock())
                .add("dec1", Conv2dTranspose.builder().setKernelShape(new Shape(4, 4)).optStride(stride)
                        .optPadding(new Shape(1, 1)).setFilters(16).build())
                .add("relu3", Activation.reluBlock())
                .add("dec2", Conv2dTranspose.builder().setKernelShape(new Shape(4, 4)).optStride(stride)
                        .optPadding(new Shape(1, 1)).setFilters(1).build())
                .add("sigmoid", Activation.sigmoidBlock())
                .add("flatten", Blocks.batchFlattenBlock());
    }
}
