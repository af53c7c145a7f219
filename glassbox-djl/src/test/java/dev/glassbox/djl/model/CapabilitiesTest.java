package dev.glassbox.djl.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.model.FunctionModel;
import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.ModelOptions;
import dev.glassbox.core.model.Shape;
import dev.glassbox.djl.DifferentiableModel;
import dev.glassbox.djl.LayeredModel;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CapabilitiesTest {
    private static Path fixture(String name) {
        return Path.of("src/test/resources/fixtures", name);
    }

    @Test
    void aWholeTorchScriptModelGivesGradientsButNoLayer() {
        ModelOptions options = ModelOptions.withShape(Shape.of(1, 28, 28));
        try (DifferentiableModel model = Models.loadDifferentiable(fixture("cnn.pt"), options)) {
            assertThat(model.inputGradient(new float[1][784], new float[][] {{1, 0, 0, 0, 0, 0, 0, 0, 0, 0}}))
                    .hasDimensions(1, 784);
        }
        assertThatThrownBy(() -> Models.loadLayered(fixture("cnn.pt"), options))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("has no layer glassbox can reach")
                .hasMessageContaining("split at a layer");
    }

    @Test
    void anImportedOnnxModelHasItsNodesAsLayers() {
        try (LayeredModel model = Models.loadLayered(fixture("onnx/cnn.onnx"), ModelOptions.withShape(Shape.of(1, 16, 16)))) {
            assertThat(model.layerNames()).isNotEmpty();
        }
    }

    @Test
    void aForwardOnlyModelIsRefusedForGradientMethodsByName() {
        Model function = FunctionModel.ofScores(Shape.of(2), 1, batch -> batch);
        assertThatThrownBy(() -> Capabilities.differentiable(function, "ig"))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("ig needs gradients");
        assertThatThrownBy(() -> Capabilities.layered(function, "gradcam"))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("gradcam needs a layer's activations");
    }
}
