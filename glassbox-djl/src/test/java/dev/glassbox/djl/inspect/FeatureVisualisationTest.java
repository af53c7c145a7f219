package dev.glassbox.djl.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import com.google.gson.JsonObject;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.Progress;
import dev.glassbox.core.model.Shape;
import dev.glassbox.djl.model.BlockModel;
import dev.glassbox.djl.DifferentiableModel;
import dev.glassbox.core.model.ModelOptions;
import dev.glassbox.djl.model.Models;
import dev.glassbox.djl.model.NamedBlocks;
import dev.glassbox.djl.TestFixtures;
import dev.glassbox.djl.model.TorchScriptModel;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureVisualisationTest {

    private static TorchScriptModel splitCnn() {
        return Models.loadSplit(TestFixtures.path("cnn_features.pt"), TestFixtures.path("cnn_head.pt"),
                ModelOptions.withShape(Shape.of(1, 28, 28)));
    }

    private static double best(ModelObjective objective, float[][] data) {
        return Arrays.stream(objective.values(data)).max().orElseThrow();
    }

    @Test
    void sameSeedGivesTheSameImagesAndAnotherSeedOthers() {
        try (TorchScriptModel model = splitCnn()) {
            ModelObjective objective = new ModelObjective(model, Objective.channel("features", 1));
            FeatureVisualisation.Builder builder = FeatureVisualisation.builder(objective).steps(12).images(2)
                    .diversity(0.5, "features").penalties(new ImagePenalties(0.1, 0.1, 0.1));
            FeatureVisualisation.Result first = builder.seed(4).build().run(Progress.NONE);
            FeatureVisualisation.Result again = builder.seed(4).build().run(Progress.NONE);
            FeatureVisualisation.Result other = builder.seed(5).build().run(Progress.NONE);
            assertThat(again.images()).isDeepEqualTo(first.images());
            assertThat(again.values()).containsExactly(first.values());
            assertThat(other.images()[0]).isNotEqualTo(first.images()[0]);
            assertThat(first.images()[0]).isNotEqualTo(first.images()[1]);
        }
    }

    /** The optimised image drives the channel harder than any of the fixture's inputs and than its grey start. */
    @Test
    void optimisedGreyImageBeatsTheDataOnASplitModel() {
        JsonObject cnn = TestFixtures.reference("cnn");
        float[][] data = TestFixtures.rows(TestFixtures.floats(cnn, "input"), 784);
        try (TorchScriptModel model = splitCnn()) {
            ModelObjective objective = new ModelObjective(model, Objective.channel("features", 1));
            FeatureVisualisation.Result result = FeatureVisualisation.builder(objective).steps(48).seed(1).build()
                    .run(Progress.NONE);
            float[][] grey = {new float[784]};
            Arrays.fill(grey[0], 0.5f);
            assertThat(result.values()[0]).isGreaterThan(best(objective, data)).isGreaterThan(best(objective, grey));
            assertThat(result.values()[0]).isEqualTo(objective.values(result.images())[0]);
        }
    }

    /** RGB with colour decorrelation, on an imported ONNX network's inner node (3×16×16 input). */
    @Test
    void rgbFourierImagesDriveAnOnnxNode() {
        JsonObject ref = TestFixtures.document("onnx/mobilenet.json");
        try (var model = (DifferentiableModel) Models.load(TestFixtures.path("onnx/mobilenet.onnx"),
                ModelOptions.withShape(Shape.of(3, 16, 16)))) {
            ModelObjective objective = new ModelObjective(model, Objective.channel("/pw2_act/Mul", 0));
            FeatureVisualisation.Result result = FeatureVisualisation.builder(objective).steps(40).seed(2).build()
                    .run(Progress.NONE);
            float[][] data = TestFixtures.rows(TestFixtures.floats(ref, "input"), 3 * 16 * 16);
            assertThat(result.values()[0]).isGreaterThan(best(objective, data));
            for (float v : result.images()[0]) {
                assertThat(v).isBetween(0f, 1f);
            }
        }
    }

    /** A 3×224×224 network: the standard transforms and the Fourier basis at full size raise the objective. */
    @Test
    void imageNetSizedInputsWork() {
        NamedBlocks layers = new NamedBlocks()
                .add("conv", Conv2d.builder().setKernelShape(new ai.djl.ndarray.types.Shape(5, 5)).setFilters(2).build())
                .add("relu", Activation.reluBlock())
                .add("pool", ai.djl.nn.pooling.Pool.globalAvgPool2dBlock());
        ai.djl.engine.Engine.getInstance().setRandomSeed(11);
        Model djl = Model.newInstance("rgb", "PyTorch");
        djl.setBlock(layers.block());
        layers.block().initialize(djl.getNDManager(), DataType.FLOAT32, new ai.djl.ndarray.types.Shape(1, 3, 224, 224));
        try (BlockModel model = BlockModel.of(djl, layers, ModelOptions.withShape(Shape.of(3, 224, 224)))) {
            ModelObjective objective = new ModelObjective(model, Objective.channel("conv", 1));
            InputScaling imageNet = new InputScaling(new float[] {0.485f, 0.456f, 0.406f},
                    new float[] {0.229f, 0.224f, 0.225f});
            FeatureVisualisation.Result result = FeatureVisualisation.builder(objective).steps(4).seed(3)
                    .inputScaling(imageNet).build().run(Progress.NONE);
            float[] grey = new float[3 * 224 * 224];
            Arrays.fill(grey, 0.5f);
            assertThat(result.values()[0]).isGreaterThan(objective.values(new float[][] {imageNet.apply(grey, 3)})[0]);
        }
    }

    @Test
    void mismatchedOptionsAreClearErrors() {
        try (TorchScriptModel model = splitCnn()) {
            ModelObjective objective = new ModelObjective(model, Objective.channel("features", 1));
            assertThatThrownBy(() -> FeatureVisualisation.builder(objective).parameterisation(
                    new ImageParameterisation(Shape.of(3, 28, 28), ImageParameterisation.Basis.PIXELS, 1)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("input shape");
            assertThatThrownBy(() -> FeatureVisualisation.builder(objective).steps(0))
                    .isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> FeatureVisualisation.builder(objective).diversity(1, "nowhere"))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("nowhere");
            assertThatThrownBy(() -> FeatureVisualisation.builder(objective).inputScaling(
                    new InputScaling(new float[] {0, 0}, new float[] {1, 1})))
                    .isInstanceOf(InvalidInputException.class);
        }
    }

    @Test
    void deepDreamRaisesTheLayerEnergyOctaveByOctave() {
        float[] image = Arrays.copyOf(TestFixtures.floats(TestFixtures.reference("cnn"), "input"), 784);
        try (TorchScriptModel model = splitCnn()) {
            DeepDream dream = new DeepDream(new ModelObjective(model, Objective.layer("features")), InputScaling.IDENTITY,
                    3, 1.4, 5, 0.01);
            DeepDream.Dream first = dream.run(image, Progress.NONE);
            double previous = first.initialValue();
            for (double value : first.valueAfterOctave()) {
                assertThat(value).isGreaterThan(previous);
                previous = value;
            }
            assertThat(dream.run(image, Progress.NONE).image()).containsExactly(first.image());
            for (float v : first.image()) {
                assertThat(v).isBetween(0f, 1f);
            }
        }
    }

    /** The top examples come in the order of the channel means of PyTorch's own activations. */
    @Test
    void datasetExamplesFollowPyTorchsActivations() {
        JsonObject cnn = TestFixtures.reference("cnn");
        float[] activation = TestFixtures.floats(cnn, "activation");
        float[][] data = TestFixtures.rows(TestFixtures.floats(cnn, "input"), 784);
        try (TorchScriptModel model = splitCnn()) {
            for (int channel : new int[] {0, 4, 6}) {
                double[] means = new double[3];
                for (int i = 0; i < 3; i++) {
                    for (int p = 0; p < 196; p++) {
                        means[i] += activation[(i * 8 + channel) * 196 + p] / 196.0;
                    }
                }
                Integer[] order = {0, 1, 2};
                Arrays.sort(order, (a, b) -> Double.compare(means[b], means[a]));
                DatasetExamples.TopExamples top = DatasetExamples.top(new ModelObjective(model,
                        Objective.channel("features", channel)), data, 2, 2, Progress.NONE);
                assertThat(top.indices()).containsExactly(order[0], order[1]);
                assertThat(top.values()[0]).isCloseTo(means[order[0]], org.assertj.core.api.Assertions.within(1e-5));
            }
            assertThatThrownBy(() -> DatasetExamples.top(new ModelObjective(model, Objective.channel("features", 0)),
                    data, 4, 2, Progress.NONE)).isInstanceOf(InvalidInputException.class).hasMessageContaining("1 to 3");
        }
    }

    @Test
    void standardTransformsScaleWithTheImage() {
        assertThat(ImageTransform.standard(224)).hasSize(5);
        java.util.Random random = new java.util.Random(1);
        List<ImageTransform> small = ImageTransform.standard(28);
        assertThat(small.get(0).draw(28, 28, random).outHeight()).isEqualTo(32);
        assertThat(ImageTransform.standard(224).get(0).draw(224, 224, random).outHeight()).isEqualTo(248);
    }
}
