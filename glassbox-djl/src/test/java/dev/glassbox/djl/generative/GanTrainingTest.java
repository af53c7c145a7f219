package dev.glassbox.djl.generative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.glassbox.core.InvalidInputException;
import java.nio.DoubleBuffer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * GAN training mechanics against closed forms: the losses, RMSProp's first step, the gradient penalty of a linear
 * critic (value and gradient) and of a small non-linear one (gradient against finite differences), the clipping
 * bound, seeded determinism, and bad input.
 */
class GanTrainingTest {
    private static final float LAMBDA = 10;

    @Test
    void lossesMatchTheirFormulas() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray real = m.create(new float[] {1, 3}, new Shape(2, 1));
            NDArray fake = m.create(new float[] {0, 2}, new Shape(2, 1));
            assertThat(GanLoss.WGAN.criticLoss(real, fake).getFloat()).isCloseTo(-1f, within(1e-6f));
            assertThat(GanLoss.WGAN_GP.generatorLoss(fake).getFloat()).isCloseTo(-1f, within(1e-6f));
            double softplus = (Math.log1p(Math.exp(-1)) + Math.log1p(Math.exp(-3))) / 2
                    + (Math.log1p(Math.exp(0)) + Math.log1p(Math.exp(2))) / 2;
            assertThat(GanLoss.GAN.criticLoss(real, fake).getFloat()).isCloseTo((float) softplus, within(1e-5f));
            double nonSaturating = (Math.log1p(Math.exp(0)) + Math.log1p(Math.exp(-2))) / 2;
            assertThat(GanLoss.GAN.generatorLoss(fake).getFloat()).isCloseTo((float) nonSaturating, within(1e-5f));
        }
    }

    @Test
    void rmsPropsFirstStepMovesEachWeightByTenTimesTheRate() {
        // v = (1 − ρ)g² = 0.01 g², so g / √v = 10 sign(g)
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray weight = m.create(new float[] {1, 1, 1});
            NDArray gradient = m.create(new float[] {0.5f, -2, 3e-3f});
            new RmsPropUpdate(0.01f).update("w", weight, gradient);
            assertThat(weight.toFloatArray()).containsExactly(new float[] {0.9f, 1.1f, 0.9f}, within(1e-5f));
        }
    }

    @Test
    void penaltyOfALinearCriticIsLambdaTimesItsNormMinusOneSquaredWithThatGradient() {
        // D(x) = w·x + b: ∇ₓD = w everywhere, so the penalty is λ(‖w‖ − 1)² and its gradient 2λ(‖w‖ − 1) w / ‖w‖
        double[] w = {1, 2, 2};
        try (NDManager m = NDManager.newBaseManager()) {
            Block critic = Linear.builder().setUnits(1).build();
            critic.initialize(m, DataType.FLOAT64, new Shape(1, 3));
            critic.getParameters().get("weight").getArray().set(DoubleBuffer.wrap(w));
            NDArray[] batch = batches(m, 5, 3, 1);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray penalty = GradientPenalty.of(critic, new ParameterStore(m, false), batch[0], batch[1],
                        batch[2], LAMBDA);
                assertThat(penalty.getDouble()).isCloseTo(LAMBDA * 4, within(1e-9));
                collector.backward(penalty);
            }
            double[] gradient = critic.getParameters().get("weight").getArray().getGradient().toDoubleArray();
            for (int j = 0; j < 3; j++) {
                assertThat(gradient[j]).isCloseTo(2 * LAMBDA * (3 - 1) * w[j] / 3, within(1e-9));
            }
            // ∇ₓD does not depend on the bias: its gradient is zero (DJL reads one never written as float32 zeros)
            assertThat(critic.getParameters().get("bias").getArray().getGradient().toType(DataType.FLOAT64, false)
                    .toDoubleArray()[0]).isCloseTo(0, within(1e-12));
        }
    }

    @Test
    void penaltyGradientThroughDoubleBackwardMatchesFiniteDifferences() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getEngine("PyTorch").setRandomSeed(3);
            SequentialBlock critic = new SequentialBlock().add(Linear.builder().setUnits(4).build())
                    .add(Activation::tanh).add(Linear.builder().setUnits(1).build());
            critic.initialize(m, DataType.FLOAT64, new Shape(1, 3));
            NDArray first = critic.getChildren().get(0).getValue().getParameters().get("weight").getArray();
            NDArray[] batch = batches(m, 6, 3, 2);
            ParameterStore store = new ParameterStore(m, false);
            double[] analytic;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                collector.backward(GradientPenalty.of(critic, store, batch[0], batch[1], batch[2], LAMBDA));
            }
            analytic = first.getGradient().toDoubleArray();
            GradientPenalty.resetGradients(critic);
            double[] theta = first.toDoubleArray();
            double h = 1e-6;
            for (int j = 0; j < theta.length; j++) {
                double up = penaltyAt(critic, store, first, theta, j, h, batch);
                double down = penaltyAt(critic, store, first, theta, j, -h, batch);
                assertThat(analytic[j]).as("entry " + j).isCloseTo((up - down) / (2 * h),
                        within(1e-6 * (1 + Math.abs(analytic[j]))));
            }
            assertThat(java.util.Arrays.stream(analytic).map(Math::abs).max().orElse(0)).isGreaterThan(1e-3);
        }
    }

    private static double penaltyAt(Block critic, ParameterStore store, NDArray weight, double[] theta, int j, double h,
            NDArray[] batch) {
        double[] moved = theta.clone();
        moved[j] += h;
        weight.set(DoubleBuffer.wrap(moved));
        double value;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            value = GradientPenalty.of(critic, store, batch[0], batch[1], batch[2], LAMBDA).getDouble();
        }
        weight.set(DoubleBuffer.wrap(theta));
        return value;
    }

    /** Real and generated batches of {@code n × d} doubles and {@code n} mixing weights. */
    private static NDArray[] batches(NDManager m, int n, int d, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] real = random.doubles(n * d).toArray();
        double[] fake = random.doubles(n * d, -1, 1).toArray();
        double[] eps = random.doubles(n).toArray();
        return new NDArray[] {m.create(real, new Shape(n, d)), m.create(fake, new Shape(n, d)), m.create(eps)};
    }

    @Test
    void wganKeepsEveryCriticWeightWithinTheClippingBound() {
        GanSettings settings = new GanSettings(GanLoss.WGAN, 2, 8, 2, 0.05f, 0.01f, 10, 5);
        try (GanTrainer trainer = new GanTrainer(settings, images(32, 1), 32)) {
            trainer.step();
            float largest = 0;
            for (NDArray weight : trainer.criticWeights()) {
                largest = Math.max(largest, weight.abs().max().getFloat());
            }
            // a rate this large moves weights far past 0.01: the bound is reached and held
            assertThat(largest).isCloseTo(0.01f, within(1e-7f));
            assertThat(Double.isFinite(trainer.lastCriticLoss())).isTrue();
        }
    }

    @Test
    void oneSeedGivesTheSameGeneratorAndAnotherSeedAnotherForEveryLoss() {
        for (GanLoss loss : GanLoss.values()) {
            float[] a = weightsAfterOneStep(loss, 11);
            assertThat(weightsAfterOneStep(loss, 11)).as(loss.id()).containsExactly(a);
            assertThat(weightsAfterOneStep(loss, 12)).as(loss.id()).isNotEqualTo(a);
        }
    }

    private static float[] weightsAfterOneStep(GanLoss loss, long seed) {
        GanSettings defaults = GanSettings.defaults(loss, 1, seed);
        GanSettings settings = new GanSettings(loss, 1, 4, 2, defaults.learningRate(), defaults.clip(),
                defaults.penaltyWeight(), seed);
        try (GanTrainer trainer = new GanTrainer(settings, images(16, 2), 16)) {
            trainer.step();
            assertThat(Double.isFinite(trainer.lastGeneratorLoss())).isTrue();
            return trainer.generatorWeights();
        }
    }

    @Test
    void badSettingsAndUnknownLossesAreRefusedWithClearMessages() {
        assertThatThrownBy(() -> GanLoss.parse("dcgan")).isInstanceOf(InvalidInputException.class)
                .hasMessage("unknown GAN loss 'dcgan'; expected one of gan, wgan, wgan-gp");
        assertThat(GanLoss.parse("WGAN-GP")).isEqualTo(GanLoss.WGAN_GP);
        assertThatThrownBy(() -> new GanSettings(GanLoss.GAN, 0, 64, 1, 1e-4f, 0.01f, 10, 1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("0 iterations");
        assertThatThrownBy(() -> new GanSettings(GanLoss.GAN, 5, -1, 1, 1e-4f, 0.01f, 10, 1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("batch size -1");
        assertThatThrownBy(() -> new GanSettings(GanLoss.WGAN, 5, 64, 5, 1e-4f, 0, 10, 1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("clipping bound");
        GanSettings settings = GanSettings.defaults(GanLoss.GAN, 1, 1);
        assertThatThrownBy(() -> new GanTrainer(settings, new float[100], 1)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("1×28×28");
    }

    /** {@code n} random images with values in [0, 1]. */
    static float[] images(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] out = new float[n * 784];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) random.nextDouble();
        }
        return out;
    }
}
