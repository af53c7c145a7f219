package dev.glassbox.djl.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonObject;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.math.Vectors;
import dev.glassbox.core.model.ModelLoadException;
import dev.glassbox.core.model.ModelOptions;
import dev.glassbox.core.model.Shape;
import dev.glassbox.core.model.Target;
import dev.glassbox.djl.Cotangents;
import dev.glassbox.djl.LayerGradient;
import dev.glassbox.djl.TestFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TorchScriptModelTest {
    private static final Shape IMAGE = Shape.of(1, 28, 28);

    @Test
    void linearModelGradientIsItsWeightRow() {
        JsonObject ref = TestFixtures.reference("linear");
        try (TorchScriptModel model = TorchScriptModel.load(TestFixtures.path("linear.pt"), ModelOptions.withShape(Shape.of(4)))) {
            float[][] x = TestFixtures.rows(TestFixtures.floats(ref, "input"), 4);
            assertThat(model.outputSize()).isEqualTo(3);
            assertThat(Vectors.flatten(model.predict(x))).containsExactly(TestFixtures.floats(ref, "logits"), within(1e-6f));
            float[] weight = TestFixtures.floats(ref, "weight");
            for (int k = 0; k < 3; k++) {
                float[][] gradient = model.inputGradient(x, Target.index(k));
                for (float[] row : gradient) {
                    assertThat(row).containsExactly(java.util.Arrays.copyOfRange(weight, 4 * k, 4 * k + 4), within(1e-7f));
                }
            }
        }
    }

    @Test
    void cnnLogitsAndInputGradientsMatchPyTorch() {
        JsonObject ref = TestFixtures.reference("cnn");
        try (TorchScriptModel model = TorchScriptModel.load(TestFixtures.path("cnn.pt"), ModelOptions.withShape(IMAGE))) {
            float[][] x = TestFixtures.rows(TestFixtures.floats(ref, "input"), IMAGE.size());
            assertThat(Vectors.flatten(model.predict(x))).containsExactly(TestFixtures.floats(ref, "logits"), within(1e-5f));
            // a second call gives the same scores: the module stays in eval mode (BatchNorm running statistics)
            assertThat(Vectors.flatten(model.predict(x))).containsExactly(TestFixtures.floats(ref, "logits"), within(1e-5f));
            float[][] gradient = model.inputGradient(x, Target.index(ref.get("target").getAsInt()));
            assertThat(Vectors.flatten(gradient)).containsExactly(TestFixtures.floats(ref, "inputGradient"), within(1e-5f));
        }
    }

    @Test
    void gradientsAreTheSameInChunksAsInOneBatch() {
        JsonObject ref = TestFixtures.reference("cnn");
        ModelOptions oneAtATime = new ModelOptions(IMAGE, null, 1);
        try (TorchScriptModel model = TorchScriptModel.load(TestFixtures.path("cnn.pt"), oneAtATime)) {
            float[][] x = TestFixtures.rows(TestFixtures.floats(ref, "input"), IMAGE.size());
            float[][] gradient = model.inputGradient(x, Target.index(ref.get("target").getAsInt()));
            assertThat(Vectors.flatten(gradient)).containsExactly(TestFixtures.floats(ref, "inputGradient"), within(1e-5f));
        }
    }

    @Test
    void splitInOneFileGivesActivationAndItsGradient() {
        JsonObject ref = TestFixtures.reference("cnn");
        try (TorchScriptModel model = TorchScriptModel.loadSplit(TestFixtures.path("cnn.pt"), ModelOptions.withShape(IMAGE))) {
            checkSplit(model, ref);
        }
    }

    @Test
    void splitInTwoFilesGivesActivationAndItsGradient() {
        JsonObject ref = TestFixtures.reference("cnn");
        try (TorchScriptModel model = TorchScriptModel.loadSplit(TestFixtures.path("cnn_features.pt"),
                TestFixtures.path("cnn_head.pt"), ModelOptions.withShape(IMAGE))) {
            checkSplit(model, ref);
        }
    }

    private static void checkSplit(TorchScriptModel model, JsonObject ref) {
        float[][] x = TestFixtures.rows(TestFixtures.floats(ref, "input"), IMAGE.size());
        assertThat(model.layerNames()).containsExactly(TorchScriptModel.SPLIT_LAYER);
        assertThat(Vectors.flatten(model.predict(x))).containsExactly(TestFixtures.floats(ref, "logits"), within(1e-5f));
        float[][] cotangent = Cotangents.oneHot(model.predict(x), Target.index(ref.get("target").getAsInt()));
        LayerGradient layer = model.layerGradient(x, TorchScriptModel.SPLIT_LAYER, cotangent);
        assertThat(layer.shape()).isEqualTo(Shape.of(8, 14, 14));
        assertThat(Vectors.flatten(layer.activations())).containsExactly(TestFixtures.floats(ref, "activation"), within(1e-5f));
        assertThat(Vectors.flatten(layer.gradients()))
                .containsExactly(TestFixtures.floats(ref, "activationGradient"), within(1e-6f));
        assertThat(Vectors.flatten(model.inputGradient(x, cotangent)))
                .containsExactly(TestFixtures.floats(ref, "inputGradient"), within(1e-5f));
    }

    @Test
    void tupleForwardPredictsButRefusesGradients() {
        JsonObject ref = TestFixtures.reference("cnn");
        try (TorchScriptModel model = TorchScriptModel.load(TestFixtures.path("cnn_tuple.pt"), ModelOptions.withShape(IMAGE))) {
            float[][] x = TestFixtures.rows(TestFixtures.floats(ref, "input"), IMAGE.size());
            assertThat(Vectors.flatten(model.predict(x))).containsExactly(TestFixtures.floats(ref, "logits"), within(1e-5f));
            assertThatThrownBy(() -> model.inputGradient(x, Target.PREDICTED))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("tuple")
                    .hasMessageContaining("features(x)/head(a)");
        }
    }

    @Test
    void opaqueModelHasNoLayers() {
        try (TorchScriptModel model = TorchScriptModel.load(TestFixtures.path("cnn.pt"), ModelOptions.withShape(IMAGE))) {
            float[][] x = {new float[IMAGE.size()]};
            assertThat(model.layerNames()).isEmpty();
            assertThatThrownBy(() -> model.layerGradient(x, "conv1", new float[][] {new float[10]}))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("opaque");
        }
    }

    @Test
    void missingCorruptAndMisshapenModelsFailClearly(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> TorchScriptModel.load(dir.resolve("absent.pt"), ModelOptions.withShape(IMAGE)))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining("not found");
        Path corrupt = Files.write(dir.resolve("corrupt.pt"), "this is not a TorchScript archive".getBytes());
        assertThatThrownBy(() -> TorchScriptModel.load(corrupt, ModelOptions.withShape(IMAGE)))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining("cannot load");
        assertThatThrownBy(() -> TorchScriptModel.load(TestFixtures.path("cnn.pt"), ModelOptions.withShape(Shape.of(3, 28, 28))))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining("does not accept inputs of shape 3×28×28");
    }

    @Test
    void badBatchesAreRefusedBeforeTheEngine() {
        try (TorchScriptModel model = TorchScriptModel.load(TestFixtures.path("linear.pt"), ModelOptions.withShape(Shape.of(4)))) {
            assertThatThrownBy(() -> model.predict(new float[][] {{1, 2, 3}}))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("expects 4");
            assertThatThrownBy(() -> model.predict(new float[][] {{1, Float.NaN, 3, 4}}))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("NaN");
            assertThatThrownBy(() -> model.inputGradient(new float[][] {{1, 2, 3, 4}}, Target.index(3)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("out of range");
        }
    }
}
