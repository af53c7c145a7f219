package dev.glassbox.djl.privacy;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.Progress;
import dev.glassbox.core.privacy.DpSgdPrivacy;
import dev.glassbox.core.privacy.PrivacySpent;
import dev.glassbox.djl.NamedBlocks;
import dev.glassbox.djl.zoo.Training;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * DP-SGD (Abadi et al. 2016): at each of T = ⌈epochs · n / B⌉ steps, every training example joins the batch
 * independently with probability q = B / n (Poisson sampling, which the accountant assumes), each example's gradient
 * is clipped to L2 norm C ({@link PerExampleGradients}), the clipped gradients are summed, Gaussian noise
 * N(0, σ² C² I) is added, and the sum divided by the expected batch size B is handed to the optimiser (Adam with a
 * cosine schedule, as the other recipes; any update of the noisy gradient is post-processing and costs no privacy).
 * The run's (ε, δ) comes from the Rényi-DP accountant of the sampled Gaussian mechanism ({@link DpSgdPrivacy}).
 * Batches are drawn from {@code seed}; the noise from the engine's generator, seeded with it.
 */
public final class DpSgd {

    /**
     * A DP-SGD run's settings.
     *
     * @param training epochs, expected batch size B, learning rate and seed
     * @param clipNorm the per-example clipping norm C
     * @param noiseMultiplier σ: the noise's standard deviation is σ · C
     * @param delta the δ at which ε is reported
     */
    public record Settings(Training.Settings training, double clipNorm, double noiseMultiplier, double delta) {
        public Settings {
            if (!(clipNorm > 0) || Double.isInfinite(clipNorm)) {
                throw new InvalidInputException("the clipping norm must be positive and finite, was " + clipNorm);
            }
            if (!(noiseMultiplier >= 0) || Double.isInfinite(noiseMultiplier)) {
                throw new InvalidInputException("the noise multiplier must be ≥ 0 and finite, was " + noiseMultiplier);
            }
            if (!(delta > 0 && delta < 1)) {
                throw new InvalidInputException("δ must lie in (0, 1), was " + delta);
            }
        }

        /** The accounting of this run on {@code examples} training examples. */
        public DpSgdPrivacy privacy(int examples) {
            return DpSgdPrivacy.of(examples, training.batchSize(), training.epochs(), delta);
        }

        /** The settings whose noise multiplier reaches {@code targetEpsilon} at δ on {@code examples} examples. */
        public static Settings forEpsilon(Training.Settings training, double clipNorm, double targetEpsilon,
                double delta, int examples) {
            double sigma;
            try {
                sigma = DpSgdPrivacy.of(examples, training.batchSize(), training.epochs(), delta)
                        .noiseMultiplier(targetEpsilon);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(e.getMessage());
            }
            return new Settings(training, clipNorm, sigma, delta);
        }
    }

    /** The trained network's DJL model and the privacy the run spent. */
    public record Result(Model model, PrivacySpent spent, long steps) {
    }

    private DpSgd() {
    }

    /** Trains {@code layers} from scratch with DP-SGD on the examples (class indices as targets). */
    public static Result train(String name, NamedBlocks layers, Training.Examples examples, Settings settings,
            Progress progress) {
        Training.Settings t = settings.training();
        int n = examples.count();
        if (t.batchSize() > n) {
            throw new InvalidInputException("the expected batch size " + t.batchSize() + " exceeds the " + n
                    + " training examples");
        }
        DpSgdPrivacy privacy = settings.privacy(n);
        long steps = privacy.steps();
        double q = privacy.samplingRate();
        Engine.getEngine("PyTorch").setRandomSeed((int) t.seed());
        Model model = Model.newInstance(name, "PyTorch");
        model.setBlock(layers.block());
        Tracker schedule = Tracker.cosine().setBaseValue(t.learningRate()).optFinalValue(t.learningRate() / 100)
                .setMaxUpdates((int) steps).build();
        DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optOptimizer(Optimizer.adam().optLearningRateTracker(schedule).build());
        Shape inputShape = new Shape(examples.inputShape());
        SplittableRandom sampler = new SplittableRandom(t.seed());
        try (NDManager data = model.getNDManager().newSubManager(); Trainer trainer = model.newTrainer(config)) {
            trainer.initialize(new Shape(1).addAll(inputShape.slice(1)));
            PerExampleGradients perExample = PerExampleGradients.of(layers);
            NDArray inputs = data.create(examples.inputs(), inputShape);
            NDArray labels = data.create(examples.targets(), new Shape(n));
            for (long step = 0; step < steps; step++) {
                try (NDManager scope = data.newSubManager()) {
                    long[] chosen = poisson(sampler, n, q);
                    List<NDArray> noisy = noisySum(scope, perExample, inputs, labels, chosen, trainer, settings);
                    setGradients(perExample.parameters(), noisy, t.batchSize());
                    trainer.step();
                }
                progress.update("DP-SGD", step + 1, steps);
            }
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
        return new Result(model, privacy.epsilon(settings.noiseMultiplier()), steps);
    }

    /** The indices of the examples that join this step's batch, each with probability q. */
    static long[] poisson(SplittableRandom random, int n, double q) {
        long[] chosen = new long[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (random.nextDouble() < q) {
                chosen[k++] = i;
            }
        }
        return java.util.Arrays.copyOf(chosen, k);
    }

    private static List<NDArray> noisySum(NDManager scope, PerExampleGradients perExample, NDArray inputs,
            NDArray labels, long[] chosen, Trainer trainer, Settings settings) {
        List<NDArray> sums = new ArrayList<>();
        if (chosen.length > 0) {
            NDArray index = scope.create(chosen);
            sums = PerExampleGradients.clipAndSum(perExample.compute(scope, inputs.get(index), labels.get(index),
                    trainer.getLoss()), settings.clipNorm());
        } else {
            for (Parameter p : perExample.parameters()) {
                sums.add(scope.zeros(p.getArray().getShape(), DataType.FLOAT32));
            }
        }
        List<NDArray> out = new ArrayList<>();
        float std = (float) (settings.noiseMultiplier() * settings.clipNorm());
        for (NDArray sum : sums) {
            out.add(sum.add(scope.randomNormal(0, std, sum.getShape(), DataType.FLOAT32)));
        }
        return out;
    }

    /** Makes {@code noisy / batch} each weight's gradient, by pulling it back through w ↦ Σ w ⊙ noisy / batch. */
    private static void setGradients(List<Parameter> parameters, List<NDArray> noisy, int batch) {
        try (GradientCollector collector = parameters.get(0).getArray().getManager().getEngine()
                .newGradientCollector()) {
            NDArray total = null;
            for (int i = 0; i < parameters.size(); i++) {
                NDArray term = parameters.get(i).getArray().mul(noisy.get(i).div(batch)).sum();
                total = total == null ? term : total.add(term);
            }
            collector.backward(total);
        }
    }
}
