package dev.glassbox.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonObject;
import dev.glassbox.core.math.Vectors;
import dev.glassbox.core.model.ModelLoadException;
import dev.glassbox.core.model.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxModelTest {

    @Test
    void cnnMatchesPyTorchAndReadsItsInputShape() {
        JsonObject ref = TestFixtures.reference("cnn");
        try (OnnxModel model = OnnxModel.load(TestFixtures.path("cnn.onnx"), new ModelOptions(null, null, 2))) {
            assertThat(model.inputShape()).isEqualTo(Shape.of(1, 28, 28));
            assertThat(model.outputSize()).isEqualTo(10);
            float[][] x = TestFixtures.rows(TestFixtures.floats(ref, "input"), 784);
            assertThat(Vectors.flatten(model.predict(x))).containsExactly(TestFixtures.floats(ref, "logits"), within(1e-5f));
        }
    }

    @Test
    void linearMatchesPyTorch() {
        JsonObject ref = TestFixtures.reference("linear");
        try (OnnxModel model = OnnxModel.load(TestFixtures.path("linear.onnx"), ModelOptions.withShape(Shape.of(4)))) {
            float[][] x = TestFixtures.rows(TestFixtures.floats(ref, "input"), 4);
            assertThat(Vectors.flatten(model.predict(x))).containsExactly(TestFixtures.floats(ref, "logits"), within(1e-6f));
        }
    }

    @Test
    void missingCorruptAndMisshapenFilesFailClearly(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> OnnxModel.load(dir.resolve("absent.onnx"), ModelOptions.withShape(Shape.of(4))))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining("not found");
        Path corrupt = Files.write(dir.resolve("corrupt.onnx"), new byte[] {1, 2, 3, 4, 5});
        assertThatThrownBy(() -> OnnxModel.load(corrupt, ModelOptions.withShape(Shape.of(4))))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining("cannot load");
        assertThatThrownBy(() -> OnnxModel.load(TestFixtures.path("linear.onnx"), ModelOptions.withShape(Shape.of(5))))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining("does not accept inputs of shape 5");
    }
}
