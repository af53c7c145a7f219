package dev.glassbox.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.glassbox.core.math.Vectors;
import dev.glassbox.core.model.ModelLoadException;
import dev.glassbox.core.model.ModelOptions;
import dev.glassbox.core.model.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxModelTest {
    /** The models made by scripts/make_fixtures.py, with PyTorch's outputs for them, kept beside glassbox-djl's tests. */
    private static final Path FIXTURES = Path.of("..", "glassbox-djl", "src", "test", "resources", "fixtures");

    private static JsonObject reference(String model) {
        try {
            return JsonParser.parseString(Files.readString(FIXTURES.resolve("reference.json"))).getAsJsonObject()
                    .getAsJsonObject(model);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static float[][] rows(JsonObject reference, String key, int width) {
        JsonArray array = reference.getAsJsonArray(key);
        float[][] out = new float[array.size() / width][width];
        for (int i = 0; i < array.size(); i++) {
            out[i / width][i % width] = array.get(i).getAsFloat();
        }
        return out;
    }

    private static float[] flat(JsonObject reference, String key) {
        return Vectors.flatten(rows(reference, key, 1));
    }

    @Test
    void cnnMatchesPyTorchAndReadsItsInputShape() {
        JsonObject ref = reference("cnn");
        try (OnnxModel model = OnnxModel.load(FIXTURES.resolve("cnn.onnx"), new ModelOptions(null, null, 2))) {
            assertThat(model.inputShape()).isEqualTo(Shape.of(1, 28, 28));
            assertThat(model.outputSize()).isEqualTo(10);
            float[][] x = rows(ref, "input", 784);
            assertThat(Vectors.flatten(model.predict(x))).containsExactly(flat(ref, "logits"), within(1e-5f));
        }
    }

    @Test
    void linearMatchesPyTorch() {
        JsonObject ref = reference("linear");
        try (OnnxModel model = OnnxModel.load(FIXTURES.resolve("linear.onnx"), ModelOptions.withShape(Shape.of(4)))) {
            float[][] x = rows(ref, "input", 4);
            assertThat(Vectors.flatten(model.predict(x))).containsExactly(flat(ref, "logits"), within(1e-6f));
        }
    }

    @Test
    void missingCorruptAndMisshapenFilesFailClearly(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> OnnxModel.load(dir.resolve("absent.onnx"), ModelOptions.withShape(Shape.of(4))))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining("not found");
        Path corrupt = Files.write(dir.resolve("corrupt.onnx"), new byte[] {1, 2, 3, 4, 5});
        assertThatThrownBy(() -> OnnxModel.load(corrupt, ModelOptions.withShape(Shape.of(4))))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining("cannot load");
        assertThatThrownBy(() -> OnnxModel.load(FIXTURES.resolve("linear.onnx"), ModelOptions.withShape(Shape.of(5))))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining("does not accept inputs of shape 5");
    }
}
