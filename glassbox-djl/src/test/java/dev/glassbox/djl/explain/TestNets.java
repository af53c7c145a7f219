package dev.glassbox.djl.explain;

import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import dev.glassbox.core.model.Shape;
import dev.glassbox.djl.model.BlockModel;
import dev.glassbox.core.model.ModelOptions;
import dev.glassbox.djl.model.NamedBlocks;

/** Small DJL networks with seeded random weights whose attributions can be worked out by hand. */
public final class TestNets {
    private TestNets() {
    }

    /** fc1 (4 → 6), relu, fc2 (6 → 3). */
    static BlockModel mlp() {
        return build(new NamedBlocks()
                .add("fc1", Linear.builder().setUnits(6).build())
                .add("relu", Activation.reluBlock())
                .add("fc2", Linear.builder().setUnits(3).build()), Shape.of(4), 11);
    }

    /** conv (1 → 4 channels, 3×3, same padding), relu, global average pooling, dropout, fc (4 → 3) on 1×6×6 inputs. */
    static BlockModel gapCnn() {
        return build(new NamedBlocks()
                .add("conv", Conv2d.builder().setKernelShape(new ai.djl.ndarray.types.Shape(3, 3))
                        .optPadding(new ai.djl.ndarray.types.Shape(1, 1)).setFilters(4).build())
                .add("relu", Activation.reluBlock())
                .add("gap", Pool.globalAvgPool2dBlock())
                .add("dropout", Dropout.builder().optRate(0.5f).build())
                .add("fc", Linear.builder().setUnits(3).build()), Shape.of(1, 6, 6), 5);
    }

    /** y = min(1, x1 + x2), written as 1 − relu(1 − x1 − x2): fc1 (w = [−1, −1], b = 1), relu, fc2 (w = −1, b = 1). */
    static BlockModel saturating() {
        BlockModel model = build(new NamedBlocks()
                .add("fc1", Linear.builder().setUnits(1).build())
                .add("relu", Activation.reluBlock())
                .add("fc2", Linear.builder().setUnits(1).build()), Shape.of(2), 1);
        model.layers().layer("fc1").getParameters().get("weight").getArray().set(new float[] {-1, -1});
        model.layers().layer("fc1").getParameters().get("bias").getArray().set(new float[] {1});
        model.layers().layer("fc2").getParameters().get("weight").getArray().set(new float[] {-1});
        model.layers().layer("fc2").getParameters().get("bias").getArray().set(new float[] {1});
        return model;
    }

    /**
     * conv (1 → 3 channels, 3×3, same padding), relu, 2×2 max-pool, conv (3 → 2), relu, flatten, fc (18 → 4) on
     * 1×6×6 inputs, run in chunks of 2 samples.
     */
    static BlockModel pooledCnn() {
        return build(new NamedBlocks()
                .add("conv1", Conv2d.builder().setKernelShape(new ai.djl.ndarray.types.Shape(3, 3))
                        .optPadding(new ai.djl.ndarray.types.Shape(1, 1)).setFilters(3).build())
                .add("relu1", Activation.reluBlock())
                .add("pool", Pool.maxPool2dBlock(new ai.djl.ndarray.types.Shape(2, 2), new ai.djl.ndarray.types.Shape(2, 2)))
                .add("conv2", Conv2d.builder().setKernelShape(new ai.djl.ndarray.types.Shape(3, 3))
                        .optPadding(new ai.djl.ndarray.types.Shape(1, 1)).setFilters(2).build())
                .add("relu2", Activation.reluBlock())
                .add("flatten", Blocks.batchFlattenBlock())
                .add("fc", Linear.builder().setUnits(4).build()), Shape.of(1, 6, 6), 9, 2);
    }

    /** A model of the given layers, initialised from a seed for inputs of {@code shape}. */
    public static BlockModel build(NamedBlocks layers, Shape shape, int seed) {
        return build(layers, shape, seed, ModelOptions.withShape(shape).batchSize());
    }

    /** A model of the given layers that runs in chunks of at most {@code batchSize} samples. */
    static BlockModel build(NamedBlocks layers, Shape shape, int seed, int batchSize) {
        ai.djl.engine.Engine.getInstance().setRandomSeed(seed);
        Model model = Model.newInstance("test-net", "PyTorch");
        model.setBlock(layers.block());
        layers.block().initialize(model.getNDManager(), DataType.FLOAT32,
                new ai.djl.ndarray.types.Shape(shape.withBatch(1)));
        return BlockModel.of(model, layers, new ModelOptions(shape, null, batchSize));
    }

    /** A layer's weight as rows (outputs × inputs for linear layers). */
    static float[][] weight(BlockModel model, String layer) {
        var array = model.layers().layer(layer).getParameters().get("weight").getArray();
        int rows = (int) array.getShape().get(0);
        float[] flat = array.toFloatArray();
        int cols = flat.length / rows;
        float[][] out = new float[rows][cols];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(flat, r * cols, out[r], 0, cols);
        }
        return out;
    }

    static float[] bias(BlockModel model, String layer) {
        return model.layers().layer(layer).getParameters().get("bias").getArray().toFloatArray();
    }
}
