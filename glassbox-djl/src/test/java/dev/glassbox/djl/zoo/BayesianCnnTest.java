package dev.glassbox.djl.zoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import dev.glassbox.core.Progress;
import dev.glassbox.core.model.Shape;
import dev.glassbox.djl.model.BlockModel;
import dev.glassbox.core.model.ModelOptions;
import dev.glassbox.djl.model.NamedBlocks;
import dev.glassbox.djl.uncertainty.BayesianPrediction;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BayesianCnnTest {
    private static final List<String> CLASSES = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    @Test
    void savedBayesianCnnKeepsItsPosteriorAndDrawsTheSameWeightsForTheSameSeed(@TempDir Path dir) {
        NamedBlocks layers = BayesianCnn.build();
        ai.djl.engine.Engine.getEngine("PyTorch").setRandomSeed(2);
        Model djl = Model.newInstance(BayesianCnn.NAME, "PyTorch");
        djl.setBlock(layers.block());
        layers.block().initialize(djl.getNDManager(), DataType.FLOAT32, new ai.djl.ndarray.types.Shape(1, 1, 28, 28));
        float[][] x = new float[2][784];
        Random random = new Random(4);
        for (float[] row : x) {
            for (int i = 0; i < row.length; i++) {
                row[i] = random.nextFloat();
            }
        }
        Path folder = dir.resolve("bayes");
        float[][][] before;
        float[][] meanBefore;
        try (BlockModel model = BlockModel.of(djl, layers, new ModelOptions(Shape.of(1, 28, 28), CLASSES, 8))) {
            before = BayesianPrediction.sample(model, x, 4, 9, Progress.NONE).scores();
            meanBefore = model.predict(x);
            SavedModels.save(model, new ModelCard(BayesianCnn.NAME, new int[] {1, 28, 28}, CLASSES, "random", 2, 0,
                    Map.of()), folder);
        }
        try (BlockModel loaded = SavedModels.load(folder, 8)) {
            float[][][] after = BayesianPrediction.sample(loaded, x, 4, 9, Progress.NONE).scores();
            for (int t = 0; t < before.length; t++) {
                for (int i = 0; i < x.length; i++) {
                    assertThat(after[t][i]).containsExactly(before[t][i], within(1e-5f));
                }
            }
            assertThat(before[0][0]).isNotEqualTo(before[1][0]);
            assertThat(loaded.predict(x)[0]).containsExactly(meanBefore[0], within(1e-5f));
        }
    }
}
