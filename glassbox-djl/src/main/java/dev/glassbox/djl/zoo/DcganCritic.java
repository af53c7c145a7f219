package dev.glassbox.djl.zoo;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import dev.glassbox.djl.model.NamedBlocks;

/**
 * A small DCGAN-style discriminator (critic) for 1×28×28 images: two 4×4 convolutions of stride 2 (16 and 32
 * filters) with leaky ReLU (slope 0.2), then one linear output, a logit for the standard GAN and a score for the
 * Wasserstein critics. It has no BatchNorm, which the gradient penalty forbids (the penalty is per example), so that
 * the three losses train the same network. About 10,000 parameters.
 */
public final class DcganCritic {
    private static final float LEAK = 0.2f;

    private DcganCritic() {
    }

    /** A fresh, uninitialised critic. */
    public static NamedBlocks build() {
        return new NamedBlocks()
                .add("conv1", conv(16))
                .add("leaky1", leakyRelu())
                .add("conv2", conv(32))
                .add("leaky2", leakyRelu())
                .add("flatten", Blocks.batchFlattenBlock())
                .add("score", Linear.builder().setUnits(1).build());
    }

    private static Block conv(int filters) {
        return Conv2d.builder().setKernelShape(new Shape(4, 4)).optStride(new Shape(2, 2)).optPadding(new Shape(1, 1))
                .setFilters(filters).build();
    }

    private static Block leakyRelu() {
        return LambdaBlock.singleton(x -> Activation.leakyRelu(x, LEAK), "leakyRelu");
    }
}
