package dev.glassbox.djl.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.core.Linear;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.Progress;
import dev.glassbox.core.inspect.SoftmaxLosses;
import dev.glassbox.core.model.Shape;
import dev.glassbox.djl.model.BlockModel;
import dev.glassbox.core.model.ModelOptions;
import dev.glassbox.djl.model.NamedBlocks;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HeadLossesTest {
    private static final int N = 40;
    private static final int IN = 5;
    private static final int HIDDEN = 4;
    private static final int CLASSES = 3;
    private static BlockModel model;
    private static float[][] inputs;
    private static int[] labels;

    @BeforeAll
    static void build() {
        Engine.getEngine("PyTorch").setRandomSeed(3);
        NamedBlocks layers = new NamedBlocks().add("flat", Blocks.batchFlattenBlock())
                .add("fc1", Linear.builder().setUnits(HIDDEN).build()).add("relu", Activation.reluBlock())
                .add("fc2", Linear.builder().setUnits(CLASSES).build());
        Model djl = Model.newInstance("head-test", "PyTorch");
        djl.setBlock(layers.block());
        layers.block().initialize(djl.getNDManager(), DataType.FLOAT32, new ai.djl.ndarray.types.Shape(1, IN));
        model = BlockModel.of(djl, layers, ModelOptions.withShape(Shape.of(IN)));
        Random random = new Random(5);
        inputs = new float[N][IN];
        labels = new int[N];
        for (int i = 0; i < N; i++) {
            labels[i] = i % CLASSES;
            for (int j = 0; j < IN; j++) {
                inputs[i][j] = (float) (random.nextGaussian() + (j == labels[i] ? 1.5 : 0));
            }
        }
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void aLinearHeadMatchesTheClosedFormSoftmaxRegression() {
        float[][] hidden = model.activations(inputs, "relu");
        double[][] features = new double[N][];
        for (int i = 0; i < N; i++) {
            features[i] = new double[HIDDEN];
            for (int j = 0; j < HIDDEN; j++) {
                features[i][j] = hidden[i][j];
            }
        }
        SoftmaxLosses closed = new SoftmaxLosses(features, labels, CLASSES);
        try (HeadLosses head = HeadLosses.of(model, "relu", hidden, labels)) {
            double[] theta = head.theta();
            double[] mapped = toClassMajor(theta);
            double[] weights = new double[N];
            for (int i = 0; i < N; i++) {
                weights[i] = 0.5 + (i % 3);
            }
            double[] v = new Random(1).doubles(theta.length, -1, 1).toArray();
            assertClose(head.losses(theta), closed.losses(mapped), 1e-9);
            assertClose(toClassMajor(head.gradients(theta, new int[] {7})[0]), closed.gradients(mapped, new int[] {7})[0], 1e-9);
            assertClose(toClassMajor(head.weightedGradient(theta, weights)), closed.weightedGradient(mapped, weights), 1e-9);
            assertClose(toClassMajor(head.weightedHessianTimes(theta, weights, v)),
                    closed.weightedHessianTimes(mapped, weights, toClassMajor(v)), 1e-9);
        }
    }

    @Test
    void doubleBackwardMatchesFiniteDifferencesOfTheGradientThroughAReluLayer() {
        try (HeadLosses head = HeadLosses.of(model, "flat", model.activations(inputs, "flat"), labels)) {
            double[] theta = head.theta();
            assertThat(theta).hasSize(IN * HIDDEN + HIDDEN + HIDDEN * CLASSES + CLASSES);
            double[] weights = new double[N];
            java.util.Arrays.fill(weights, 1);
            double[] v = new Random(2).doubles(theta.length, -1, 1).toArray();
            double[] hv = head.weightedHessianTimes(theta, weights, v);
            double h = 1e-6;
            double[] up = theta.clone();
            double[] down = theta.clone();
            for (int j = 0; j < theta.length; j++) {
                up[j] += h * v[j];
                down[j] -= h * v[j];
            }
            double[] gUp = head.weightedGradient(up, weights);
            double[] gDown = head.weightedGradient(down, weights);
            for (int j = 0; j < theta.length; j++) {
                assertThat(hv[j]).isCloseTo((gUp[j] - gDown[j]) / (2 * h), within(1e-5));
            }
        }
    }

    @Test
    void theModelsOwnLinearHeadAndTheSurrogateGiveTheSameInfluence() {
        float[][] test = java.util.Arrays.copyOf(inputs, 3);
        TrainingInfluence.Result own = TrainingInfluence.at("relu").head(TrainingInfluence.Head.MODEL)
                .solver(TrainingInfluence.Solver.CG).l2(0.01).top(3).build()
                .analyse(model, inputs, labels, test, Progress.NONE);
        TrainingInfluence.Result surrogate = TrainingInfluence.at("relu").l2(0.01).top(3).build()
                .analyse(model, inputs, labels, test, Progress.NONE);
        for (int t = 0; t < test.length; t++) {
            assertThat(own.predictions().get(t).proponents()).containsExactly(surrogate.predictions().get(t).proponents());
            assertClose(own.predictions().get(t).proponentEffects(), surrogate.predictions().get(t).proponentEffects(),
                    1e-6);
        }
        assertClose(own.selfInfluence(), surrogate.selfInfluence(), 1e-5);
    }

    @Test
    void headsWithOtherParameterisedLayersAndUnknownLayersAreRefused() {
        assertThatThrownBy(() -> TrainingInfluence.at("nope").build().analyse(model, inputs, labels, inputs,
                Progress.NONE)).isInstanceOf(InvalidInputException.class).hasMessageContaining("no layer named 'nope'");
        assertThatThrownBy(() -> HeadLosses.of(model, "fc2", model.activations(inputs, "fc2"), labels))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("last");
    }

    /** Row-major weight (classes × hidden) then bias, as SoftmaxLosses lays θ out: each class's weights, then its bias. */
    private static double[] toClassMajor(double[] theta) {
        double[] out = new double[theta.length];
        for (int c = 0; c < CLASSES; c++) {
            System.arraycopy(theta, c * HIDDEN, out, c * (HIDDEN + 1), HIDDEN);
            out[c * (HIDDEN + 1) + HIDDEN] = theta[CLASSES * HIDDEN + c];
        }
        return out;
    }

    private static void assertClose(double[] actual, double[] expected, double tolerance) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < actual.length; i++) {
            assertThat(actual[i]).as("entry %d", i).isCloseTo(expected[i], within(tolerance * Math.max(1, Math.abs(expected[i]))));
        }
    }
}
