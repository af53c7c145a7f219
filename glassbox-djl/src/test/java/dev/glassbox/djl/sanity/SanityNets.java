package dev.glassbox.djl.sanity;

import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import dev.glassbox.core.model.Shape;
import dev.glassbox.djl.model.BlockModel;
import dev.glassbox.djl.model.NamedBlocks;
import dev.glassbox.djl.explain.TestNets;
import java.util.SplittableRandom;

/** Small networks for the sanity checks, and images with a dark background like Fashion-MNIST's. */
final class SanityNets {
    static final Shape IMAGE = Shape.of(1, 8, 8);

    private SanityNets() {
    }

    /** conv (1 → 4, 3×3), BatchNorm, ReLU, global average pooling, fc (4 → 3) on 1×8×8 inputs. */
    static BlockModel cnn() {
        return TestNets.build(new NamedBlocks()
                .add("conv", Conv2d.builder().setKernelShape(new ai.djl.ndarray.types.Shape(3, 3))
                        .optPadding(new ai.djl.ndarray.types.Shape(1, 1)).setFilters(4).build())
                .add("bn", BatchNorm.builder().build())
                .add("relu", Activation.reluBlock())
                .add("gap", Pool.globalAvgPool2dBlock())
                .add("fc", Linear.builder().setUnits(3).build()), IMAGE, 7);
    }

    /** flatten, fc (64 → 3): a linear model whose input gradient for class k is row k of fc's weight. */
    static BlockModel linear() {
        return TestNets.build(new NamedBlocks()
                .add("flatten", Blocks.batchFlattenBlock())
                .add("fc", Linear.builder().setUnits(3).build()), IMAGE, 9);
    }

    /** {@link #linear()} with every weight outside the 2×2 square at rows 1–2, columns 5–6 set to 0. */
    static BlockModel readsOnlyThePatch() {
        BlockModel model = linear();
        var weight = model.layers().layer("fc").getParameters().get("weight").getArray();
        float[] w = weight.toFloatArray();
        for (int k = 0; k < 3; k++) {
            for (int p = 0; p < 64; p++) {
                int y = p / 8;
                int x = p % 8;
                if (y < 1 || y > 2 || x < 5 || x > 6) {
                    w[k * 64 + p] = 0;
                }
            }
        }
        weight.set(w);
        return model;
    }

    /** Images whose left half is dark (0) and right half random in (0, 1]. */
    static float[][] images(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] out = new float[count][IMAGE.size()];
        for (float[] image : out) {
            for (int p = 0; p < image.length; p++) {
                image[p] = p % 8 < 4 ? 0f : (float) (1 - random.nextDouble());
            }
        }
        return out;
    }
}
