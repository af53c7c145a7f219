package dev.glassbox.djl.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonObject;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.model.ModelOptions;
import dev.glassbox.core.model.Shape;
import dev.glassbox.djl.LayeredModel;
import dev.glassbox.djl.TestFixtures;
import org.junit.jupiter.api.Test;

/**
 * The forward-only layer path ({@link LayeredModel#activations}) on each model kind that overrides it, against
 * PyTorch's activation of the fixture CNN's feature layer (scripts/make_fixtures.py) and against the layer-gradient
 * path it replaces.
 */
class LayerActivationsTest {
    private static final ModelOptions CNN = ModelOptions.withShape(Shape.of(1, 28, 28));

    private static void matchesPyTorch(LayeredModel model, String layer) {
        JsonObject cnn = TestFixtures.reference("cnn");
        float[][] images = TestFixtures.rows(TestFixtures.floats(cnn, "input"), 784);
        float[] expected = TestFixtures.floats(cnn, "activation");
        float[][] forward = model.activations(images, layer);
        float[][] viaGradient = model.layerGradient(images, layer, new float[images.length][model.outputSize()])
                .activations();
        int width = expected.length / images.length;
        for (int i = 0; i < images.length; i++) {
            assertThat(forward[i]).containsExactly(java.util.Arrays.copyOfRange(expected, i * width, (i + 1) * width),
                    within(1e-5f));
            assertThat(forward[i]).containsExactly(viaGradient[i], within(1e-6f));
        }
    }

    @Test
    void splitTorchScriptFeaturesMatchPyTorch() {
        try (TorchScriptModel model = Models.loadSplit(TestFixtures.path("cnn_features.pt"),
                TestFixtures.path("cnn_head.pt"), CNN)) {
            matchesPyTorch(model, TorchScriptModel.SPLIT_LAYER);
            assertThatThrownBy(() -> model.activations(new float[1][784], "conv1"))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("only the layer 'features'");
        }
    }

    @Test
    void importedOnnxNodeMatchesPyTorch() {
        try (var model = (LayeredModel) Models.load(TestFixtures.path("cnn.onnx"), CNN)) {
            matchesPyTorch(model, "/Relu_1");
        }
    }
}
