package dev.glassbox.djl.sanity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonObject;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.math.Vectors;
import dev.glassbox.core.model.FunctionModel;
import dev.glassbox.core.model.Shape;
import dev.glassbox.djl.model.BlockModel;
import dev.glassbox.core.model.ModelOptions;
import dev.glassbox.djl.TestFixtures;
import dev.glassbox.djl.model.TorchScriptModel;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ParameterRandomisationTest {

    @Test
    void randomisesALayerOfADjlModelAndRestoresEveryWeight() {
        float[][] x = SanityNets.images(4, 1);
        try (BlockModel model = SanityNets.cnn()) {
            float[][] before = model.predict(x);
            float[] bnVariance;
            try (ParameterRandomisation randomisation = ParameterRandomisation.of(model)) {
                assertThat(randomisation.layers()).containsExactly("conv", "bn", "fc");
                randomisation.randomise("fc", 3);
                assertThat(model.predict(x)[0]).isNotEqualTo(before[0]);
                randomisation.randomise("bn", 3);
                bnVariance = model.layers().layer("bn").getParameters().get("runningVar").getArray().toFloatArray();
            }
            for (float v : bnVariance) {
                assertThat(v).isPositive();
            }
            assertThat(model.predict(x)).isDeepEqualTo(before);
        }
    }

    @Test
    void theSameSeedDrawsTheSameWeights() {
        try (BlockModel model = SanityNets.cnn(); ParameterRandomisation randomisation = ParameterRandomisation.of(model)) {
            randomisation.randomise("conv", 5);
            float[] once = model.layers().layer("conv").getParameters().get("weight").getArray().toFloatArray();
            randomisation.restore();
            randomisation.randomise("conv", 5);
            float[] again = model.layers().layer("conv").getParameters().get("weight").getArray().toFloatArray();
            randomisation.randomise("conv", 6);
            float[] other = model.layers().layer("conv").getParameters().get("weight").getArray().toFloatArray();
            assertThat(again).isEqualTo(once).isNotEqualTo(other);
        }
    }

    @Test
    void drawsKeepTheScaleOfTheOriginal() {
        SplittableRandom source = new SplittableRandom(1);
        float[] original = new float[20_000];
        for (int i = 0; i < original.length; i++) {
            original[i] = (float) (0.3 + 0.05 * source.nextGaussian());
        }
        float[] drawn = ParameterRandomisation.redraw(original, new SplittableRandom(2));
        // all positive: a log-normal of the same log-mean and log-deviation
        assertThat(mean(drawn)).isCloseTo(mean(original), within(0.005));
        assertThat(sd(drawn)).isCloseTo(sd(original), within(0.005));
        assertThat(ParameterRandomisation.redraw(new float[] {1, 1, 1}, new SplittableRandom(2)))
                .containsExactly(1, 1, 1);
        float[] signed = ParameterRandomisation.redraw(new float[] {-1, 1, -1, 1}, new SplittableRandom(2));
        assertThat(signed).isNotEqualTo(new float[] {-1, 1, -1, 1});
    }

    @Test
    void randomisesATorchScriptModelThroughItsParameterList() {
        JsonObject ref = TestFixtures.reference("cnn");
        Shape image = Shape.of(1, 28, 28);
        try (TorchScriptModel model = TorchScriptModel.load(TestFixtures.path("cnn.pt"), ModelOptions.withShape(image))) {
            float[][] x = TestFixtures.rows(TestFixtures.floats(ref, "input"), image.size());
            float[] logits = TestFixtures.floats(ref, "logits");
            try (ParameterRandomisation randomisation = ParameterRandomisation.of(model)) {
                assertThat(randomisation.layers()).containsExactly("conv1", "bn1", "conv2", "fc");
                randomisation.randomise("conv1", 1);
                assertThat(Vectors.flatten(model.predict(x))).isNotEqualTo(logits);
            }
            assertThat(Vectors.flatten(model.predict(x))).containsExactly(logits, within(1e-5f));
        }
    }

    @Test
    void refusesUnknownLayersAndModelsWithoutParameters() {
        try (BlockModel model = SanityNets.cnn(); ParameterRandomisation randomisation = ParameterRandomisation.of(model)) {
            assertThatThrownBy(() -> randomisation.randomise("conv9", 1)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("conv9").hasMessageContaining("conv, bn, fc");
        }
        FunctionModel function = FunctionModel.ofLogits(Shape.of(2), 2, batch -> batch);
        assertThatThrownBy(() -> ParameterRandomisation.of(function)).isInstanceOf(InvalidInputException.class);
    }

    private static double mean(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x;
        }
        return sum / v.length;
    }

    private static double sd(float[] v) {
        double m = mean(v);
        double sum = 0;
        for (float x : v) {
            sum += (x - m) * (x - m);
        }
        return Math.sqrt(sum / v.length);
    }
}
