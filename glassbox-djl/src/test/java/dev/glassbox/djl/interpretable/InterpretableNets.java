package dev.glassbox.djl.interpretable;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.core.Linear;
import dev.glassbox.core.model.Shape;
import dev.glassbox.djl.model.BlockModel;
import dev.glassbox.core.model.ModelOptions;
import dev.glassbox.djl.model.NamedBlocks;
import dev.glassbox.djl.zoo.FashionProtoNet;
import dev.glassbox.djl.zoo.FashionVit;
import java.util.Random;

/** Small seeded prototype networks and vision transformers for the tests. */
final class InterpretableNets {
    private InterpretableNets() {
    }

    /** A prototype network on 4 inputs: linear (4 → 6), latent (3), 5 prototypes, a vote over 3 classes. */
    static BlockModel protoNet() {
        return protoNet(5);
    }

    /** The same network with another number of prototypes. */
    static BlockModel protoNet(int prototypes) {
        return build(FashionProtoNet.head(new NamedBlocks().add("enc", Linear.builder().setUnits(6).build()), 3,
                prototypes, 3), Shape.of(4), 7);
    }

    /** A vision transformer on 1×4×4 images: 2×2 patches (5 tokens with the class token), width 4, 3 classes. */
    static BlockModel vit(int depth, int heads) {
        return build(FashionVit.build(2, 4, depth, heads, 3), Shape.of(1, 4, 4), 11);
    }

    static BlockModel build(NamedBlocks layers, Shape shape, int seed) {
        Engine.getEngine("PyTorch").setRandomSeed(seed);
        Model model = Model.newInstance("test-net", "PyTorch");
        model.setBlock(layers.block());
        layers.block().initialize(model.getNDManager(), DataType.FLOAT32,
                new ai.djl.ndarray.types.Shape(shape.withBatch(1)));
        return BlockModel.of(model, layers, ModelOptions.withShape(shape));
    }

    /** {@code n} rows of {@code size} values uniform in [0, 1). */
    static float[][] uniform(int n, int size, long seed) {
        Random random = new Random(seed);
        float[][] rows = new float[n][size];
        for (float[] row : rows) {
            for (int j = 0; j < size; j++) {
                row[j] = random.nextFloat();
            }
        }
        return rows;
    }
}
