package dev.glassbox.djl.robust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import dev.glassbox.core.Progress;
import dev.glassbox.djl.model.NamedBlocks;
import dev.glassbox.djl.TestFixtures;
import dev.glassbox.djl.zoo.Training;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Adversarial training's inner attack in closed form, and that it leaves the weights' training untouched at ε = 0. */
class AdversarialTrainingTest {

    /** The perturbed batch for a two-class linear model on 5 inputs, with the weight difference w₁ − w₀ per sample. */
    private static float[][][] perturbLinear(AdversarialTraining recipe, float[] x, float[] labels) {
        Engine.getEngine("PyTorch").setRandomSeed(7);
        NamedBlocks net = new NamedBlocks().add("fc", Linear.builder().setUnits(2).build());
        try (Model model = Model.newInstance("linear", "PyTorch")) {
            model.setBlock(net.block());
            try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()))) {
                trainer.initialize(new Shape(1, 5));
                NDManager m = model.getNDManager();
                NDArray inputs = m.create(x, new Shape(labels.length, 5));
                float[] adversarial = recipe.apply(trainer, inputs, m.create(labels)).toFloatArray();
                float[] w = net.layer("fc").getParameters().get("weight").getArray().toFloatArray();
                boolean frozen = net.layer("fc").getParameters().values().stream().anyMatch(p -> !p.requiresGradient());
                assertThat(frozen).as("weights trainable again after the attack").isFalse();
                float[] diff = new float[5];
                for (int j = 0; j < 5; j++) {
                    diff[j] = w[5 + j] - w[j];
                }
                return new float[][][] {{adversarial}, {diff}};
            }
        }
    }

    /**
     * On a two-class linear model the CE gradient's sign is that of ±(w₁ − w₀) everywhere, so PGD's 7 steps of
     * 2.5 ε / 7 (2.14 ε in all) reach the corner x + ε · sign(w_{other} − w_y) from any start.
     */
    @Test
    void pgdTrainingAttackReachesTheCornerOfTheBallOnALinearModel() {
        float eps = 0.2f;
        float[] x = TestFixtures.uniform(20, 1);
        float[] labels = {0, 1, 1, 0};
        float[][][] out = perturbLinear(AdversarialTraining.pgd(eps, 7, InputBounds.NONE), x, labels);
        float[] adversarial = out[0][0];
        float[] diff = out[1][0];
        for (int i = 0; i < labels.length; i++) {
            float away = labels[i] == 0 ? 1 : -1;
            for (int j = 0; j < 5; j++) {
                assertThat(adversarial[5 * i + j]).isCloseTo(x[5 * i + j] + eps * away * Math.signum(diff[j]),
                        within(1e-6f));
            }
        }
    }

    /**
     * With a warm-up of 4 batches the b-th batch is attacked at radius ε · min(1, b/4): PGD's steps (scaled with the
     * radius) reach the corner of that smaller ball on the linear model, batch after batch, and ε itself from the 4th.
     */
    @Test
    void warmupGrowsTheRadiusLinearlyBatchByBatch() {
        float eps = 0.2f;
        float[] x = TestFixtures.uniform(20, 3);
        float[] labels = {0, 1, 1, 0};
        AdversarialTraining recipe = AdversarialTraining.pgd(eps, 7, InputBounds.NONE).withWarmup(4);
        assertThat(recipe.toString()).contains("warmed up linearly over 4 batches");
        for (int batch = 1; batch <= 6; batch++) {
            double radius = eps * Math.min(1.0, batch / 4.0);
            assertThat(recipe.epsilonAt(batch)).isCloseTo(radius, within(1e-12));
            float[][][] out = perturbLinear(recipe, x, labels);
            for (int i = 0; i < labels.length; i++) {
                float away = labels[i] == 0 ? 1 : -1;
                for (int j = 0; j < 5; j++) {
                    assertThat(out[0][0][5 * i + j]).as("batch %d", batch)
                            .isCloseTo((float) (x[5 * i + j] + radius * away * Math.signum(out[1][0][j])), within(1e-6f));
                }
            }
        }
        assertThatThrownBy(() -> recipe.withWarmup(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Fast adversarial training starts from δ₀ ∈ [−ε, ε] and steps 1.25 ε along s = sign(w_{other} − w_y): the move
     * along s is min(ε, δ₀ s + 1.25 ε) ∈ [0.25 ε, ε], and the result stays in [0, 1].
     */
    @Test
    void fastTrainingAttackStepsAwayFromTheLabelInsideTheBallAndTheBounds() {
        float eps = 0.2f;
        float[] x = TestFixtures.uniform(40, 2);
        float[] labels = {0, 1, 1, 0, 1, 0, 0, 1};
        float[][][] out = perturbLinear(AdversarialTraining.fast(eps, new InputBounds(0, 1)), x, labels);
        float[] adversarial = out[0][0];
        float[] diff = out[1][0];
        int inside = 0;
        for (int i = 0; i < labels.length; i++) {
            float away = labels[i] == 0 ? 1 : -1;
            for (int j = 0; j < 5; j++) {
                int k = 5 * i + j;
                assertThat(adversarial[k]).isBetween(0f, 1f);
                float unclamped = x[k] + away * Math.signum(diff[j]) * eps;
                if (unclamped > 0 && unclamped < 1 && x[k] - eps > 0 && x[k] + eps < 1) {
                    float move = (adversarial[k] - x[k]) * away * Math.signum(diff[j]);
                    assertThat(move).isBetween(0.25f * eps - 1e-6f, eps + 1e-6f);
                    inside++;
                }
            }
        }
        assertThat(inside).isGreaterThan(10);
    }

    /** conv + BatchNorm + relu + flatten + fc on 1×6×6: the attack must not move BatchNorm's running statistics. */
    private static NamedBlocks bnNet() {
        return new NamedBlocks()
                .add("conv", Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(3).build())
                .add("bn", BatchNorm.builder().build())
                .add("relu", Activation.reluBlock())
                .add("flatten", Blocks.batchFlattenBlock())
                .add("fc", Linear.builder().setUnits(3).build());
    }

    private static List<float[]> trainedParameters(Training.InputPerturbation perturbation) {
        SplittableRandom r = new SplittableRandom(3);
        float[] labels = new float[48];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = r.nextInt(3);
        }
        Training.Examples examples = new Training.Examples(TestFixtures.uniform(48 * 36, 4),
                new long[] {48, 1, 6, 6}, labels, new long[] {48});
        NamedBlocks net = bnNet();
        List<float[]> out = new ArrayList<>();
        try (Model model = Training.train("bn", net.block(), examples, batches -> Loss.softmaxCrossEntropyLoss(),
                new Training.Settings(2, 16, 1e-2f, 5), perturbation, Progress.NONE)) {
            for (Parameter p : net.block().getParameters().values()) {
                out.add(p.getArray().toFloatArray());
            }
        }
        return out;
    }

    /**
     * At ε = 0 the adversarial inputs are the inputs, so training must end in exactly the standard model's weights and
     * BatchNorm statistics: the attack leaves no gradient on the weights and does not touch the running statistics.
     */
    @Test
    void atRadiusZeroAdversarialTrainingIsStandardTraining() {
        List<float[]> standard = trainedParameters(Training.InputPerturbation.NONE);
        for (Supplier<AdversarialTraining> recipe : List.<Supplier<AdversarialTraining>>of(
                () -> AdversarialTraining.fast(0, new InputBounds(0, 1)),
                () -> AdversarialTraining.pgd(0, 3, new InputBounds(0, 1)))) {
            List<float[]> adversarial = trainedParameters(recipe.get());
            assertThat(adversarial).hasSameSizeAs(standard);
            for (int i = 0; i < standard.size(); i++) {
                assertThat(adversarial.get(i)).containsExactly(standard.get(i), within(1e-6f));
            }
        }
        List<float[]> attacked = trainedParameters(AdversarialTraining.fast(0.3, new InputBounds(0, 1)));
        assertThat(attacked.get(0)).isNotEqualTo(standard.get(0));
    }

    @Test
    void parsesKindsAndRefusesBadSettings() {
        assertThat(AdversarialTraining.Kind.parse("PGD")).isEqualTo(AdversarialTraining.Kind.PGD);
        assertThat(AdversarialTraining.of(AdversarialTraining.Kind.FAST, 0.1, 7, InputBounds.NONE).stepSize())
                .isCloseTo(0.125, within(1e-12));
        assertThat(AdversarialTraining.pgd(0.3, 10, InputBounds.NONE).stepSize()).isCloseTo(0.075, within(1e-12));
        assertThatThrownBy(() -> AdversarialTraining.Kind.parse("trades")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AdversarialTraining.pgd(0.1, 0, InputBounds.NONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AdversarialTraining.fast(-0.1, InputBounds.NONE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
