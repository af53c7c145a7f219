package dev.glassbox.djl.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.core.Linear;
import com.google.gson.JsonObject;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.model.Shape;
import dev.glassbox.djl.model.BlockModel;
import dev.glassbox.djl.DifferentiableModel;
import dev.glassbox.core.model.ModelOptions;
import dev.glassbox.djl.model.Models;
import dev.glassbox.djl.model.NamedBlocks;
import dev.glassbox.djl.TestFixtures;
import dev.glassbox.djl.model.TorchScriptModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Objectives read through the layer contract on each model kind, against PyTorch's input gradients of the same
 * objectives on the split CNN fixture (scripts/make_featvis_references.py) and against closed forms.
 */
class ModelObjectiveTest {
    private static final JsonObject REFERENCE = TestFixtures.document("featvis.json");
    private static final ModelOptions CNN = ModelOptions.withShape(Shape.of(1, 28, 28));

    private static float[][] firstImage() {
        float[] all = TestFixtures.floats(TestFixtures.reference("cnn"), "input");
        return new float[][] {java.util.Arrays.copyOf(all, 784)};
    }

    private static void agreesWithPyTorch(DifferentiableModel model, String layer) {
        int[] unit = REFERENCE.getAsJsonArray("unit").asList().stream().mapToInt(e -> e.getAsInt()).toArray();
        List<Objective> objectives = List.of(Objective.channel(layer, 2), Objective.unit(layer, unit[0], unit[1], unit[2]),
                Objective.layer(layer));
        List<String> keys = List.of("channelGradient", "unitGradient", "energyGradient");
        for (int i = 0; i < objectives.size(); i++) {
            float[] gradient = new ModelObjective(model, objectives.get(i)).evaluate(firstImage()).gradients()[0];
            assertThat(gradient).as(keys.get(i)).containsExactly(TestFixtures.floats(REFERENCE, keys.get(i)),
                    within(2e-6f));
        }
    }

    @Test
    void splitTorchScriptGradientsMatchPyTorch() {
        try (TorchScriptModel model = Models.loadSplit(TestFixtures.path("cnn_features.pt"),
                TestFixtures.path("cnn_head.pt"), CNN)) {
            agreesWithPyTorch(model, TorchScriptModel.SPLIT_LAYER);
        }
    }

    @Test
    void importedOnnxGradientsMatchPyTorch() {
        try (var model = (DifferentiableModel) Models.load(TestFixtures.path("cnn.onnx"), CNN)) {
            agreesWithPyTorch(model, "/Relu_1");
        }
    }

    @Test
    void valuesAreTheChannelMeansOfPyTorchsActivation() {
        JsonObject cnn = TestFixtures.reference("cnn");
        float[] activation = TestFixtures.floats(cnn, "activation");
        try (TorchScriptModel model = Models.loadSplit(TestFixtures.path("cnn_features.pt"),
                TestFixtures.path("cnn_head.pt"), CNN)) {
            float[][] images = TestFixtures.rows(TestFixtures.floats(cnn, "input"), 784);
            ModelObjective objective = new ModelObjective(model, Objective.parse("features:3 + 0.5*class:4"));
            double[] values = objective.values(images);
            double[] evaluated = objective.evaluate(images).values();
            float[] logits = TestFixtures.floats(cnn, "logits");
            for (int i = 0; i < images.length; i++) {
                double mean = 0;
                for (int p = 0; p < 196; p++) {
                    mean += activation[i * 8 * 196 + 3 * 196 + p] / 196.0;
                }
                assertThat(values[i]).isCloseTo(mean + 0.5 * logits[i * 10 + 4], within(1e-5));
                assertThat(evaluated[i]).isCloseTo(values[i], within(1e-6));
            }
        }
    }

    /** fc (3 → 2) with known weights: a unit's input gradient is its weight row; the energy's is 2 a W / 2. */
    @Test
    void blockModelGradientsAreTheClosedForms() {
        NamedBlocks layers = new NamedBlocks().add("fc", Linear.builder().setUnits(2).build());
        Model djl = Model.newInstance("linear", "PyTorch");
        djl.setBlock(layers.block());
        layers.block().initialize(djl.getNDManager(), DataType.FLOAT32, new ai.djl.ndarray.types.Shape(1, 3));
        float[] w = {1f, -2f, 0.5f, 3f, 0.25f, -1f};
        layers.layer("fc").getParameters().get("weight").getArray().set(w);
        layers.layer("fc").getParameters().get("bias").getArray().set(new float[] {0.1f, -0.2f});
        try (BlockModel model = BlockModel.of(djl, layers, ModelOptions.withShape(Shape.of(3)))) {
            float[][] x = {{0.2f, 0.4f, -0.6f}};
            ModelObjective unit = new ModelObjective(model, Objective.channel("fc", 1));
            assertThat(unit.evaluate(x).gradients()[0]).containsExactly(new float[] {3f, 0.25f, -1f}, within(1e-6f));
            double a0 = 0.2 - 0.8 - 0.3 + 0.1;
            double a1 = 0.6 + 0.1 + 0.6 - 0.2;
            ModelObjective.Evaluation energy = new ModelObjective(model, Objective.layer("fc")).evaluate(x);
            assertThat(energy.values()[0]).isCloseTo((a0 * a0 + a1 * a1) / 2, within(1e-6));
            for (int j = 0; j < 3; j++) {
                assertThat((double) energy.gradients()[0][j]).isCloseTo(a0 * w[j] + a1 * w[3 + j], within(1e-6));
            }
        }
    }

    @Test
    void badLayersAndUnitsAreClearErrors() {
        try (TorchScriptModel split = Models.loadSplit(TestFixtures.path("cnn_features.pt"),
                TestFixtures.path("cnn_head.pt"), CNN);
                var whole = (DifferentiableModel) Models.load(TestFixtures.path("cnn.pt"), CNN)) {
            assertThatThrownBy(() -> new ModelObjective(split, Objective.channel("conv9", 0)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("conv9");
            assertThatThrownBy(() -> new ModelObjective(split, Objective.channel("features", 8)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("expected 0 to 7");
            assertThatThrownBy(() -> new ModelObjective(split, Objective.unit("features", 0, 14, 0)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("rows below 14");
            assertThatThrownBy(() -> new ModelObjective(split, Objective.logit(10)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("10 outputs");
            assertThatThrownBy(() -> new ModelObjective(whole, Objective.layer("features")))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("opaque");
        }
    }

    @Test
    void objectivesReadAndWriteTheirText() {
        Objective objective = Objective.parse("relu5:3 + 0.5*class:2 + relu3 + relu4:1@2,3");
        assertThat(objective.terms()).extracting(Objective.Term::kind).containsExactly(Objective.Kind.CHANNEL,
                Objective.Kind.LOGIT, Objective.Kind.LAYER, Objective.Kind.UNIT);
        assertThat(objective.terms().get(1).weight()).isEqualTo(0.5);
        assertThat(Objective.parse(objective.toString())).isEqualTo(objective);
        assertThat(Objective.channel("a", 1).plus(2, Objective.logit(0)).toString()).isEqualTo("a:1 + 2.0*class:0");
        for (String bad : List.of("relu5:-1", "relu5:x", "x*relu5", "relu5:1@2", " + relu5")) {
            assertThatThrownBy(() -> Objective.parse(bad)).as(bad).isInstanceOf(InvalidInputException.class);
        }
    }
}
