package dev.glassbox.djl.zoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import dev.glassbox.core.model.ModelLoadException;
import dev.glassbox.djl.model.BlockModel;
import dev.glassbox.core.model.ModelOptions;
import dev.glassbox.djl.model.NamedBlocks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SavedModelsTest {
    private static final List<String> CLASSES = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j");

    @Test
    void savedModelLoadsWithTheSamePredictionsAndCard(@TempDir Path dir) {
        NamedBlocks layers = FashionCnn.build();
        ai.djl.engine.Engine.getInstance().setRandomSeed(3);
        Model djl = Model.newInstance(FashionCnn.NAME, "PyTorch");
        djl.setBlock(layers.block());
        layers.block().initialize(djl.getNDManager(), DataType.FLOAT32, new ai.djl.ndarray.types.Shape(1, 1, 28, 28));
        float[][] x = new float[3][784];
        Random random = new Random(1);
        for (float[] row : x) {
            for (int i = 0; i < row.length; i++) {
                row[i] = random.nextFloat();
            }
        }
        Path folder = dir.resolve("model");
        float[][] before;
        try (BlockModel model = BlockModel.of(djl, layers, new ModelOptions(dev.glassbox.core.model.Shape.of(1, 28, 28), CLASSES, 2))) {
            before = model.predict(x);
            SavedModels.save(model, new ModelCard(FashionCnn.NAME, new int[] {1, 28, 28}, CLASSES, "random", 3, 0,
                    Map.of("testAccuracy", 0.1)), folder);
        }
        assertThat(SavedModels.isSavedModel(folder)).isTrue();
        assertThat(dir.toFile().list()).containsExactly("model");
        try (BlockModel loaded = SavedModels.load(folder, 64)) {
            assertThat(loaded.outputNames()).isEqualTo(CLASSES);
            assertThat(loaded.layerNames()).contains(FashionCnn.LAST_CONV, "gap", "dropout", "fc");
            float[][] after = loaded.predict(x);
            for (int i = 0; i < x.length; i++) {
                // chunks of 2 before, 64 after: the engine may sum in another order, hence the float tolerance
                assertThat(after[i]).containsExactly(before[i], org.assertj.core.api.Assertions.within(1e-5f));
            }
        }
    }

    @Test
    void brokenFoldersFailClearly(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> SavedModels.load(dir, 8)).isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("has no model.json");
        Files.writeString(dir.resolve(ModelCard.FILE), "{not json");
        assertThatThrownBy(() -> SavedModels.load(dir, 8)).isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("not a valid model card");
        Files.writeString(dir.resolve(ModelCard.FILE), "{\"architecture\":\"resnet-9000\",\"inputShape\":[1],\"classes\":[\"a\"]}");
        assertThatThrownBy(() -> SavedModels.load(dir, 8)).isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("unknown architecture 'resnet-9000'");
        Files.writeString(dir.resolve(ModelCard.FILE), "{\"architecture\":\"fashion-cnn\",\"inputShape\":[1,28,28],\"classes\":[\"a\"]}");
        assertThatThrownBy(() -> SavedModels.load(dir, 8)).isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("cannot load the weights");
    }
}
