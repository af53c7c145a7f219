package dev.glassbox.djl.uncertainty;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import dev.glassbox.core.model.Shape;
import dev.glassbox.djl.model.BlockModel;
import dev.glassbox.core.model.ModelOptions;
import dev.glassbox.djl.model.NamedBlocks;
import java.util.Random;

/** Small DJL networks with seeded weights for the uncertainty tests. */
final class Nets {
    static final Shape IMAGE = Shape.of(1, 6, 6);

    private Nets() {
    }

    /**
     * conv (1 → 4), BatchNorm with running statistics far from (0, 1), relu, global average pooling, dropout, fc
     * (4 → 3) on 1×6×6 inputs: dropout is the only randomness and a linear layer follows it.
     */
    static BlockModel batchNormDropoutCnn(float rate) {
        BlockModel model = build(new NamedBlocks()
                .add("conv", Conv2d.builder().setKernelShape(new ai.djl.ndarray.types.Shape(3, 3))
                        .optPadding(new ai.djl.ndarray.types.Shape(1, 1)).setFilters(4).build())
                .add("bn", BatchNorm.builder().build())
                .add("relu", Activation.reluBlock())
                .add("gap", Pool.globalAvgPool2dBlock())
                .add("dropout", Dropout.builder().optRate(rate).build())
                .add("fc", Linear.builder().setUnits(3).build()), IMAGE, 5);
        var bn = model.layers().layer("bn").getParameters();
        bn.get("runningMean").getArray().set(new float[] {0.3f, -0.2f, 0.1f, 0.5f});
        bn.get("runningVar").getArray().set(new float[] {0.5f, 2f, 1.5f, 0.7f});
        return model;
    }

    /** fc (4 → 3), relu, fc (3 → 2): no dropout at all. */
    static BlockModel mlp() {
        return build(new NamedBlocks()
                .add("fc1", Linear.builder().setUnits(3).build())
                .add("relu", Activation.reluBlock())
                .add("fc2", Linear.builder().setUnits(2).build()), Shape.of(4), 3);
    }

    static BlockModel build(NamedBlocks layers, Shape shape, int seed) {
        Engine.getEngine("PyTorch").setRandomSeed(seed);
        Model model = Model.newInstance("test-net", "PyTorch");
        model.setBlock(layers.block());
        layers.block().initialize(model.getNDManager(), DataType.FLOAT32,
                new ai.djl.ndarray.types.Shape(shape.withBatch(1)));
        return BlockModel.of(model, layers, ModelOptions.withShape(shape));
    }

    /** {@code count} rows of uniform [0, 1) values. */
    static float[][] random(int count, int size, long seed) {
        Random random = new Random(seed);
        float[][] out = new float[count][size];
        for (float[] row : out) {
            for (int j = 0; j < size; j++) {
                row[j] = random.nextFloat();
            }
        }
        return out;
    }
}
