package dev.glassbox.djl.privacy;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
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
import dev.glassbox.djl.model.NamedBlocks;
import dev.glassbox.djl.zoo.Training;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * DP-SGD (Abadi et al. 2016): at each of T = ⌈epochs · n / B⌉ steps, every training example joins the batch
 * independently with probability q = B / n (Poisson sampling, which the accountant assumes), each example's gradient
 * is clipped to L2 norm C ({@link PerExampleGradients}), the clipped gradients are summed, Gaussian noise
 * N(0, σ² C² I) is added, and the sum divided by the expected batch size B is handed to the optimiser (Adam with a
 * cosine schedule, as the other recipes, or SGD with momentum 0.9 at a constant rate, as Tramèr and Boneh 2021 train
 * their end-to-end CNNs; any update of the noisy gradient is post-processing and costs no privacy).
 * The run's (ε, δ) comes from the Rényi-DP accountant of the sampled Gaussian mechanism ({@link DpSgdPrivacy}).
 * Batches are drawn from {@code seed}; the noise from the engine's generator, seeded with it.
 */
public final class DpSgd {

    /**
     * A DP-SGD run's settings.
     *
     * @param epochs passes over the data, fractional allowed: T = ⌈epochs · n / B⌉ steps
     * @param batchSize the expected batch size B (q = B / n)
     * @param learningRate the optimiser's (initial) learning rate
     * @param seed the seed of the batches, the noise and the initial weights
     * @param clipNorm the per-example clipping norm C
     * @param noiseMultiplier σ: the noise's standard deviation is σ · C
     * @param delta the δ at which ε is reported
     * @param optimiser how the noisy mean gradient updates the weights
     */
    public record Settings(double epochs, int batchSize, float learningRate, long seed, double clipNorm,
            double noiseMultiplier, double delta, Optimiser optimiser) {
        public Settings {
            java.util.Objects.requireNonNull(optimiser, "optimiser");
            if (!(epochs > 0) || Double.isInfinite(epochs) || batchSize < 1 || !(learningRate > 0)
                    || Float.isInfinite(learningRate)) {
                throw new InvalidInputException("DP-SGD needs positive epochs, batch size and learning rate; got "
                        + epochs + " epochs, batch size " + batchSize + ", learning rate " + learningRate);
            }
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

        /** A run updated by Adam with a cosine schedule. */
        public Settings(double epochs, int batchSize, float learningRate, long seed, double clipNorm,
                double noiseMultiplier, double delta) {
            this(epochs, batchSize, learningRate, seed, clipNorm, noiseMultiplier, delta, Optimiser.ADAM_COSINE);
        }

        /** The accounting of this run on {@code examples} training examples. */
        public DpSgdPrivacy privacy(int examples) {
            return DpSgdPrivacy.of(examples, batchSize, epochs, delta);
        }

        /** The same run with the noise multiplier that reaches {@code targetEpsilon} on {@code examples} examples. */
        public Settings withEpsilon(double targetEpsilon, int examples) {
            double sigma;
            try {
                sigma = privacy(examples).noiseMultiplier(targetEpsilon);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(e.getMessage());
            }
            return new Settings(epochs, batchSize, learningRate, seed, clipNorm, sigma, delta, optimiser);
        }

        private Optimizer build(long steps) {
            return switch (optimiser) {
                case ADAM_COSINE -> Optimizer.adam().optLearningRateTracker(Tracker.cosine()
                        .setBaseValue(learningRate).optFinalValue(learningRate / 100).setMaxUpdates((int) steps)
                        .build()).build();
                case SGD_MOMENTUM -> Optimizer.sgd().setLearningRateTracker(Tracker.fixed(learningRate))
                        .optMomentum(0.9f).build();
            };
        }
    }

    /** How the noisy mean gradient updates the weights. */
    public enum Optimiser {
        /** Adam, its rate falling to a hundredth along a cosine. */
        ADAM_COSINE,
        /** SGD with momentum 0.9 at a constant rate. */
        SGD_MOMENTUM
    }

    /** The trained network's DJL model and the privacy the run spent. */
    public record Result(Model model, PrivacySpent spent, long steps) {
    }

    private DpSgd() {
    }

    /** Trains {@code layers} from scratch with DP-SGD on the examples (class indices as targets). */
    public static Result train(String name, NamedBlocks layers, Training.Examples examples, Settings settings,
            Progress progress) {
        int n = examples.count();
        if (settings.batchSize() > n) {
            throw new InvalidInputException("the expected batch size " + settings.batchSize() + " exceeds the " + n
                    + " training examples");
        }
        DpSgdPrivacy privacy = settings.privacy(n);
        long steps = privacy.steps();
        double q = privacy.samplingRate();
        Engine.getEngine("PyTorch").setRandomSeed((int) settings.seed());
        Model model = Model.newInstance(name, "PyTorch");
        model.setBlock(layers.block());
        DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optOptimizer(settings.build(steps));
        Shape inputShape = new Shape(examples.inputShape());
        SplittableRandom sampler = new SplittableRandom(settings.seed());
        try (NDManager data = model.getNDManager().newSubManager(); Trainer trainer = model.newTrainer(config)) {
            trainer.initialize(new Shape(1).addAll(inputShape.slice(1)));
            PerExampleGradients perExample = PerExampleGradients.of(layers);
            NDArray inputs = data.create(examples.inputs(), inputShape);
            NDArray labels = data.create(examples.targets(), new Shape(n));
            for (long step = 0; step < steps; step++) {
                try (NDManager scope = data.newSubManager()) {
                    long[] chosen = poisson(sampler, n, q);
                    List<NDArray> noisy = noisySum(scope, perExample, inputs, labels, chosen, trainer, settings);
                    setGradients(perExample.parameters(), noisy, settings.batchSize());
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
            // gathered arrays belong to the data's manager: moved to the step's scope, with all computed from them
            NDArray batchInputs = inputs.get(index);
            NDArray batchLabels = labels.get(index);
            batchInputs.attach(scope);
            batchLabels.attach(scope);
            sums = PerExampleGradients.clipAndSum(perExample.compute(scope, batchInputs, batchLabels,
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
        // the products land in the weights' manager: the scope frees them once the gradients are written
        try (NDScope scope = new NDScope(); GradientCollector collector = parameters.get(0).getArray().getManager()
                .getEngine().newGradientCollector()) {
            NDArray total = null;
            for (int i = 0; i < parameters.size(); i++) {
                NDArray term = parameters.get(i).getArray().mul(noisy.get(i).div(batch)).sum();
                total = total == null ? term : total.add(term);
            }
            collector.backward(total);
        }
    }
}
