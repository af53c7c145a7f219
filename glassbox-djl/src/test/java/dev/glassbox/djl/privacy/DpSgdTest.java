package dev.glassbox.djl.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.Progress;
import dev.glassbox.core.privacy.DpSgdPrivacy;
import dev.glassbox.djl.model.NamedBlocks;
import dev.glassbox.djl.TestFixtures;
import dev.glassbox.djl.zoo.SmallCnn;
import dev.glassbox.djl.zoo.Training;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Per-example gradients against one backward pass per example, exact clipping, Poisson sampling, the accounting. */
class DpSgdTest {

    /**
     * The small CNN (strided convolutions, max-pools, linear layers): each example's gradient from the one grouped
     * pass equals the gradient of that example alone through the network's own forward pass, and clipping to C leaves
     * every example's gradient with norm exactly min(‖gᵢ‖, C).
     */
    @Test
    void perExampleGradientsMatchOnePassPerExampleAndClippingBoundsEveryNorm() {
        Engine.getEngine("PyTorch").setRandomSeed(11);
        NamedBlocks net = SmallCnn.build();
        try (Model model = Model.newInstance("small", "PyTorch")) {
            model.setBlock(net.block());
            NDManager m = model.getNDManager();
            net.block().initialize(m, DataType.FLOAT32, new Shape(1, 1, 28, 28));
            int batch = 5;
            NDArray x = m.create(TestFixtures.uniform(batch * 784, 3), new Shape(batch, 1, 28, 28));
            NDArray y = m.create(new float[] {0, 3, 9, 3, 5});
            Loss loss = Loss.softmaxCrossEntropyLoss();
            PerExampleGradients perExample = PerExampleGradients.of(net);
            List<NDArray> grads = perExample.compute(m, x, y, loss);
            List<Parameter> parameters = perExample.parameters();
            assertThat(parameters).hasSize(8);
            double[] norms = new double[batch];
            for (int i = 0; i < batch; i++) {
                float[][] alone = singleExampleGradient(net, parameters, x.get(i).expandDims(0), y.get(i).expandDims(0),
                        loss);
                for (int p = 0; p < parameters.size(); p++) {
                    float[] mine = grads.get(p).get(i).toFloatArray();
                    assertThat(mine).containsExactly(alone[p], within(2e-5f));
                    for (float v : alone[p]) {
                        norms[i] += (double) v * v;
                    }
                }
                norms[i] = Math.sqrt(norms[i]);
            }
            double[] sorted = norms.clone();
            Arrays.sort(sorted);
            double clip = sorted[2];  // clips the two largest, leaves the two smallest
            float[] factors = PerExampleGradients.clipFactors(grads, clip).toFloatArray();
            for (int i = 0; i < batch; i++) {
                double clippedNorm = 0;
                for (NDArray g : grads) {
                    float[] v = g.get(i).mul(factors[i]).toFloatArray();
                    for (float e : v) {
                        clippedNorm += (double) e * e;
                    }
                }
                clippedNorm = Math.sqrt(clippedNorm);
                assertThat(clippedNorm).isLessThanOrEqualTo(clip);
                assertThat(clippedNorm).isCloseTo(Math.min(norms[i], clip), within(1e-5 * clip));
            }
            List<NDArray> sum = PerExampleGradients.clipAndSum(grads, clip);
            float[] expected = new float[(int) sum.get(0).size()];
            for (int i = 0; i < batch; i++) {
                float[] v = grads.get(0).get(i).mul(factors[i]).toFloatArray();
                for (int j = 0; j < v.length; j++) {
                    expected[j] += v[j];
                }
            }
            assertThat(sum.get(0).toFloatArray()).containsExactly(expected, within(1e-5f));
        }
    }

    private static float[][] singleExampleGradient(NamedBlocks net, List<Parameter> parameters, NDArray x, NDArray y,
            Loss loss) {
        parameters.forEach(p -> p.getArray().setRequiresGradient(true));
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray scores = net.block().forward(new ParameterStore(x.getManager(), false), new NDList(x), true)
                    .singletonOrThrow();
            collector.backward(loss.evaluate(new NDList(y), new NDList(scores)));
        }
        float[][] out = new float[parameters.size()][];
        for (int p = 0; p < out.length; p++) {
            NDArray g = parameters.get(p).getArray().getGradient();
            out[p] = g.toFloatArray();
            g.subi(g);
        }
        return out;
    }

    @Test
    void refusesBatchNorm() {
        NamedBlocks net = new NamedBlocks().add("bn", BatchNorm.builder().build());
        try (Model model = Model.newInstance("bn", "PyTorch")) {
            model.setBlock(net.block());
            net.block().initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 2));
            assertThatThrownBy(() -> PerExampleGradients.of(net)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("BatchNorm");
        }
    }

    /** Each example joins a step with probability q: over 2,000 steps of 50 examples the mean batch is 50 q. */
    @Test
    void poissonSamplingDrawsEachExampleWithProbabilityQ() {
        SplittableRandom random = new SplittableRandom(1);
        int[] counts = new int[50];
        long total = 0;
        for (int t = 0; t < 2000; t++) {
            long[] chosen = DpSgd.poisson(random, 50, 0.1);
            total += chosen.length;
            for (long i : chosen) {
                counts[(int) i]++;
            }
        }
        assertThat(total / 2000.0).isCloseTo(5.0, within(0.15));  // sd of the mean: sqrt(50·0.09/2000) ≈ 0.047
        for (int c : counts) {
            assertThat(c).isBetween(140, 260);  // binomial(2000, 0.1): mean 200, sd 13.4
        }
    }

    /**
     * A run keeps no step's arrays: after 2 and after 8 steps the model holds the same arrays (the gathered batch, the
     * per-example weight copies and the gradient products used to stay with the data or the weights, 0.2 GB a step
     * at batch 2048).
     */
    @Test
    void stepsLeaveNoArraysBehind() {
        Training.Examples examples = new Training.Examples(TestFixtures.uniform(64 * 784, 6), new long[] {64, 1, 28, 28},
                new float[64], new long[] {64});
        int[] held = new int[2];
        double[] epochs = {0.5, 2};
        for (int run = 0; run < 2; run++) {
            DpSgd.Settings settings = new DpSgd.Settings(epochs[run], 16, 1e-3f, 9, 1.0, 1.0, 1e-5);
            DpSgd.Result result = DpSgd.train("dp", SmallCnn.build(), examples, settings, Progress.NONE);
            try (Model model = result.model()) {
                held[run] = model.getNDManager().getManagedArrays().size();
            }
        }
        assertThat(held[1]).isEqualTo(held[0]);
    }

    /**
     * One noiseless step over every example (q = 1) with SGD: the weights move by the rate times the mean gradient —
     * twice as far at twice the rate, and by amounts as uneven as the gradient's entries, where Adam's first step moves
     * every weight by the same amount (its scheduled rate), in the same directions.
     */
    @Test
    void sgdMovesTheWeightsAlongTheMeanGradient() {
        Training.Examples examples = new Training.Examples(TestFixtures.uniform(32 * 784, 4), new long[] {32, 1, 28, 28},
                new float[32], new long[] {32});
        for (int i = 0; i < 32; i++) {
            examples.targets()[i] = i % 10;
        }
        float[] start = fc2AfterOneStep(examples, 1e-20f, DpSgd.Optimiser.SGD_MOMENTUM);
        float[] sgd = fc2AfterOneStep(examples, 0.1f, DpSgd.Optimiser.SGD_MOMENTUM);
        float[] sgdTwice = fc2AfterOneStep(examples, 0.2f, DpSgd.Optimiser.SGD_MOMENTUM);
        float[] adam = fc2AfterOneStep(examples, 0.1f, DpSgd.Optimiser.ADAM_COSINE);
        double largest = 0;
        double[] moves = new double[start.length];
        for (int i = 0; i < start.length; i++) {
            double move = sgd[i] - start[i];
            moves[i] = Math.abs(move);
            largest = Math.max(largest, Math.abs(move));
            assertThat((double) sgdTwice[i] - start[i]).isCloseTo(2 * move, within(1e-5 + 1e-4 * Math.abs(move)));
            if (Math.abs(move) > 1e-4) {
                double adamMove = adam[i] - start[i];
                assertThat(Math.signum(adamMove)).isEqualTo(Math.signum(move));
                // a one-step run: Adam's cosine schedule is already at its final hundredth of the rate
                assertThat(Math.abs(adamMove)).isCloseTo(0.001, within(1e-4));
            }
        }
        java.util.Arrays.sort(moves);
        assertThat(largest).isGreaterThan(3 * moves[moves.length / 2]);
    }

    private static float[] fc2AfterOneStep(Training.Examples examples, float rate, DpSgd.Optimiser optimiser) {
        NamedBlocks net = SmallCnn.build();
        DpSgd.Settings settings = new DpSgd.Settings(1, 32, rate, 3, 1e6, 0, 1e-5, optimiser);
        try (Model model = DpSgd.train("dp", net, examples, settings, Progress.NONE).model()) {
            return net.layer("fc2").getParameters().get("weight").getArray().toFloatArray();
        }
    }

    /** A short run: the accountant's ε for the noise chosen, reproducible weights for one seed. */
    @Test
    void aShortRunSpendsTheAccountedPrivacyAndRepeatsForOneSeed() {
        Training.Examples examples = new Training.Examples(TestFixtures.uniform(64 * 784, 5), new long[] {64, 1, 28, 28},
                new float[64], new long[] {64});
        for (int i = 0; i < 64; i++) {
            examples.targets()[i] = i % 10;
        }
        DpSgd.Settings settings = new DpSgd.Settings(1, 16, 1e-3f, 9, 1.0, 0, 1e-5).withEpsilon(8, 64);
        DpSgdPrivacy privacy = DpSgdPrivacy.of(64, 16, 1, 1e-5);
        assertThat(privacy.epsilon(settings.noiseMultiplier()).epsilon()).isLessThanOrEqualTo(8.0);
        float[][] weights = new float[2][];
        for (int run = 0; run < 2; run++) {
            NamedBlocks net = SmallCnn.build();
            DpSgd.Result result = DpSgd.train("dp", net, examples, settings, Progress.NONE);
            try (Model model = result.model()) {
                assertThat(result.steps()).isEqualTo(4);
                assertThat(result.spent().epsilon()).isCloseTo(privacy.epsilon(settings.noiseMultiplier()).epsilon(),
                        within(1e-12));
                weights[run] = net.layer("fc2").getParameters().get("weight").getArray().toFloatArray();
            }
        }
        assertThat(weights[1]).containsExactly(weights[0]);
        assertThatThrownBy(() -> new DpSgd.Settings(1, 16, 1e-3f, 9, 0, 1, 1e-5))
                .isInstanceOf(InvalidInputException.class);
    }
}
