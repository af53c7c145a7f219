package dev.glassbox.djl.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.model.ModelOptions;
import dev.glassbox.core.model.Shape;
import dev.glassbox.core.model.Target;
import dev.glassbox.djl.Cotangents;
import dev.glassbox.djl.LayerGradient;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BlockModelTest {

    /** fc1 (4 → 5), relu, fc2 (5 → 3): the gradient of output k with respect to the relu output is row k of fc2. */
    private static BlockModel twoLayerNet() {
        NamedBlocks layers = new NamedBlocks()
                .add("fc1", Linear.builder().setUnits(5).build())
                .add("relu", Activation.reluBlock())
                .add("fc2", Linear.builder().setUnits(3).build());
        ai.djl.engine.Engine.getInstance().setRandomSeed(7);
        Model model = Model.newInstance("two-layer", "PyTorch");
        model.setBlock(layers.block());
        layers.block().initialize(model.getNDManager(), DataType.FLOAT32, new ai.djl.ndarray.types.Shape(1, 4));
        return BlockModel.of(model, layers, ModelOptions.withShape(Shape.of(4)));
    }

    private static float[] weights(BlockModel model, String layer) {
        return model.layers().layer(layer).getParameters().get("weight").getArray().toFloatArray();
    }

    @Test
    void layerGradientOfALinearHeadIsItsWeightRow() {
        try (BlockModel model = twoLayerNet()) {
            assertThat(model.layerNames()).containsExactly("fc1", "relu", "fc2");
            assertThat(model.outputSize()).isEqualTo(3);
            float[][] x = {{0.5f, -1f, 2f, 0.25f}, {1f, 1f, -1f, 0f}};
            float[] w2 = weights(model, "fc2");
            for (int k = 0; k < 3; k++) {
                LayerGradient layer = model.layerGradient(x, "relu", Cotangents.oneHot(model.predict(x), Target.index(k)));
                assertThat(layer.shape()).isEqualTo(Shape.of(5));
                for (float[] row : layer.gradients()) {
                    assertThat(row).containsExactly(Arrays.copyOfRange(w2, 5 * k, 5 * k + 5), within(1e-6f));
                }
                for (float[] activation : layer.activations()) {
                    for (float a : activation) {
                        assertThat(a).isGreaterThanOrEqualTo(0f);
                    }
                }
            }
        }
    }

    @Test
    void gradientPassesLeaveTheFrozenWeightsWithoutGradients() {
        try (BlockModel model = twoLayerNet()) {
            model.inputGradient(new float[][] {{0.3f, -0.7f, 1.1f, 0.4f}}, Target.index(1));
            model.parameters().values().stream().flatMap(java.util.List::stream).forEach(parameter ->
                    assertThat(parameter.getArray().hasGradient()).as(parameter.getName()).isFalse());
        }
    }

    @Test
    void inputGradientMatchesFiniteDifferences() {
        try (BlockModel model = twoLayerNet()) {
            float[] x = {0.3f, -0.7f, 1.1f, 0.4f};
            float[] gradient = model.inputGradient(new float[][] {x}, Target.index(1))[0];
            double h = 1e-2;
            for (int j = 0; j < 4; j++) {
                float[] plus = x.clone();
                float[] minus = x.clone();
                plus[j] += (float) h;
                minus[j] -= (float) h;
                double numeric = (model.predict(new float[][] {plus})[0][1] - model.predict(new float[][] {minus})[0][1]) / (2 * h);
                assertThat((double) gradient[j]).isCloseTo(numeric, within(1e-3));
            }
        }
    }

    @Test
    void unknownLayerIsAClearError() {
        try (BlockModel model = twoLayerNet()) {
            assertThatThrownBy(() -> model.layerGradient(new float[][] {new float[4]}, "conv9", new float[][] {new float[3]}))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("no layer named 'conv9'")
                    .hasMessageContaining("fc1, relu, fc2");
        }
    }
}
