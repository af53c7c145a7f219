package dev.glassbox.djl.zoo;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import dev.glassbox.djl.model.NamedBlocks;

/**
 * A small DCGAN-style generator for 1×28×28 images in [0, 1]: a {@value #LATENT}-value Gaussian code, a linear layer
 * to 32×7×7 with BatchNorm and ReLU, then twice nearest-neighbour upsampling by 2 followed by a 3×3 convolution (16
 * filters with BatchNorm and ReLU, then 1 filter), and a sigmoid, flattened to 784 values. Upsampling and a
 * convolution stand in for DCGAN's transposed convolutions, which DJL's PyTorch engine does not run; the sigmoid
 * stands in for tanh, as the images are in [0, 1] (it is tanh rescaled). About 107,000 parameters (0.4 MB), small enough to train on
 * one CPU thread in minutes.
 */
public final class DcganGenerator {
    /** The architecture's name in saved model cards. */
    public static final String NAME = "dcgan-generator";
    /** The size of the latent code. */
    public static final int LATENT = 64;
    /** The shape of one generated image. */
    public static final int[] IMAGE = {1, 28, 28};

    private DcganGenerator() {
    }

    /** A fresh, uninitialised generator. */
    public static NamedBlocks build() {
        return new NamedBlocks()
                .add("project", Linear.builder().setUnits(32 * 7 * 7).build())
                .add("bn0", BatchNorm.builder().build())
                .add("relu0", Activation.reluBlock())
                .add("reshape", LambdaBlock.singleton(x -> x.reshape(-1, 32, 7, 7), "reshape"))
                .add("up1", upsample())
                .add("conv1", conv(16))
                .add("bn1", BatchNorm.builder().build())
                .add("relu1", Activation.reluBlock())
                .add("up2", upsample())
                .add("conv2", conv(1))
                .add("sigmoid", Activation.sigmoidBlock())
                .add("flatten", Blocks.batchFlattenBlock());
    }

    private static Block conv(int filters) {
        return Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(filters).build();
    }

    /** Nearest-neighbour upsampling by 2: every value repeated along height and width. */
    private static Block upsample() {
        return LambdaBlock.singleton(x -> x.repeat(2, 2).repeat(3, 2), "upsample");
    }
}
