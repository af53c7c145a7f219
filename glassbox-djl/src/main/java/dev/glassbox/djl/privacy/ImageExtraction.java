package dev.glassbox.djl.privacy;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.Progress;
import dev.glassbox.core.math.Vectors;
import dev.glassbox.core.model.ModelOptions;
import dev.glassbox.core.model.Target;
import dev.glassbox.core.privacy.ModelExtraction;
import dev.glassbox.djl.Cotangents;
import dev.glassbox.djl.DifferentiableModel;
import dev.glassbox.djl.Gradients;
import dev.glassbox.djl.OutputWeighting;
import dev.glassbox.djl.backprop.GraphGradients;
import dev.glassbox.djl.backprop.Scalars;
import dev.glassbox.djl.backprop.Tensors;
import dev.glassbox.djl.model.BlockModel;
import dev.glassbox.djl.model.NamedBlocks;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Model extraction of an image classifier from its explanations (Milli, Schmidt, Dragan and Hardt 2019, the setting of
 * {@link ModelExtraction} on images, or any inputs a model takes): an attacker holding unlabelled images queries the target on the first
 * {@code queries} of them and receives every score (logits) and, in the second setting, the saliency explanation of
 * the predicted class ∇ₓ z_c, optionally with the defence's noise ({@link ModelExtraction#noisy}). It trains a copy of
 * an architecture of its choosing by Adam on the squared error of the scores plus, with explanations, the squared
 * error of the copy's own input gradients ∇ₓ z_c (double backward through {@link GraphGradients}), each term divided
 * by the mean square of its answers so that neither dominates by scale. Agreement is the share of held-out images,
 * never queried, on which copy and target predict the same class.
 */
public final class ImageExtraction {

    /**
     * The attacker's settings.
     *
     * @param copyNetwork makes the copy's network, fresh (for example {@code () -> Architectures.build(name)})
     * @param iterations Adam steps
     * @param batchSize queries per step (all of them when fewer)
     * @param learningRate Adam's initial rate (cosine schedule to a hundredth)
     * @param explanationWeight the weight of the explanation term against the score term
     * @param seed the seed of the copy's initial weights, its mini-batches and the defence's noise
     */
    public record Settings(Supplier<NamedBlocks> copyNetwork, int iterations, int batchSize, float learningRate,
            double explanationWeight, long seed) {
        public Settings {
            if (iterations < 1 || batchSize < 1 || !(learningRate > 0) || !(explanationWeight >= 0)) {
                throw new InvalidInputException("extraction needs ≥ 1 iteration and batch, a positive learning rate "
                        + "and an explanation weight ≥ 0; got " + iterations + ", " + batchSize + ", " + learningRate
                        + ", " + explanationWeight);
            }
        }
    }

    private ImageExtraction() {
    }

    /**
     * Queries {@code target} on the first {@code queries} images of {@code pool} (with its saliency explanations
     * when {@code explanations}, noised by {@code noise}), fits a copy, and measures agreement on {@code heldOut}.
     */
    public static ModelExtraction.Result attack(DifferentiableModel target, float[][] pool, int queries,
            boolean explanations, double noise, float[][] heldOut, Settings settings, Progress progress) {
        if (queries < 1 || queries > pool.length || !(noise >= 0)) {
            throw new InvalidInputException("need 1 to " + pool.length + " queries and noise ≥ 0, got " + queries
                    + " and " + noise);
        }
        float[][] x = java.util.Arrays.copyOf(pool, queries);
        Gradients answers = target.gradients(x, OutputWeighting.target(Target.PREDICTED));
        float[][] released = null;
        double cosine = Double.NaN;
        if (explanations) {
            released = new float[queries][];
            SplittableRandom noiseSource = new SplittableRandom(settings.seed() ^ 0x5DEECE66DL);
            cosine = 0;
            for (int q = 0; q < queries; q++) {
                double[] g = Vectors.toDouble(answers.gradients()[q]);
                double[] shown = ModelExtraction.noisy(g, noise, noiseSource);
                cosine += ModelExtraction.cosine(g, shown) / queries;
                released[q] = new float[shown.length];
                for (int j = 0; j < shown.length; j++) {
                    released[q][j] = (float) shown[j];
                }
            }
        }
        try (BlockModel copy = fit(target, x, answers.scores(), released, settings, progress)) {
            return new ModelExtraction.Result(queries, explanations, explanations ? noise : Double.NaN,
                    agreement(target, copy, heldOut), cosine);
        }
    }

    /** The share of {@code images} on which the two models predict the same class. */
    public static double agreement(dev.glassbox.core.model.Model a, dev.glassbox.core.model.Model b, float[][] images) {
        float[][] sa = a.predict(images);
        float[][] sb = b.predict(images);
        int same = 0;
        for (int i = 0; i < images.length; i++) {
            same += Vectors.argmax(sa[i]) == Vectors.argmax(sb[i]) ? 1 : 0;
        }
        return same / (double) images.length;
    }

    /** The copy fitted to the answers ({@code released} null: scores only). */
    static BlockModel fit(DifferentiableModel target, float[][] x, float[][] scores, float[][] released,
            Settings settings, Progress progress) {
        int n = x.length;
        float[][] predictedClasses = Cotangents.oneHot(scores, Target.PREDICTED);
        double scoreScale = meanSquare(scores);
        double explanationScale = released == null ? 1 : Math.max(meanSquare(released), 1e-30);
        Engine.getEngine("PyTorch").setRandomSeed((int) settings.seed());
        NamedBlocks layers = settings.copyNetwork().get();
        Model model = Model.newInstance("copy", "PyTorch");
        model.setBlock(layers.block());
        Tracker schedule = Tracker.cosine().setBaseValue(settings.learningRate())
                .optFinalValue(settings.learningRate() / 100).setMaxUpdates(settings.iterations()).build();
        DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss())
                .optOptimizer(Optimizer.adam().optLearningRateTracker(schedule).build());
        SplittableRandom batches = new SplittableRandom(settings.seed() + 2);
        int b = Math.min(settings.batchSize(), n);
        Shape inputShape = new Shape(target.inputShape().withBatch(1));
        try (Trainer trainer = model.newTrainer(config)) {
            trainer.initialize(inputShape);
            for (int t = 0; t < settings.iterations(); t++) {
                int[] chosen = new int[b];
                for (int s = 0; s < b; s++) {
                    chosen[s] = b == n ? s : batches.nextInt(n);
                }
                step(trainer, target, pick(x, chosen), pick(scores, chosen), released == null ? null
                        : pick(released, chosen), pick(predictedClasses, chosen), scoreScale,
                        explanationScale, settings.explanationWeight());
                progress.update("fitting the copy on " + n + " queries", t + 1, settings.iterations());
            }
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
        return BlockModel.of(model, layers, new ModelOptions(target.inputShape(), target.outputNames(),
                ModelOptions.DEFAULT_BATCH));
    }

    private static void step(Trainer trainer, DifferentiableModel target, float[][] x, float[][] scores,
            float[][] released, float[][] oneHot, double scoreScale, double explanationScale, double weight) {
        try (NDManager scope = trainer.getManager().newSubManager(); GradientCollector collector =
                trainer.newGradientCollector()) {
            NDArray input = Tensors.fromRows(scope, x, target.inputShape());
            input.setRequiresGradient(true);
            NDArray predicted = trainer.forward(new NDList(input)).singletonOrThrow();
            dev.glassbox.core.model.Shape outputs = dev.glassbox.core.model.Shape.of(scores[0].length);
            NDArray answers = Scalars.owned(Tensors.fromRows(scope, scores, outputs));
            NDArray loss = predicted.sub(answers).square().mean().div(Scalars.like(predicted, scoreScale));
            if (released != null && weight > 0) {
                NDArray classes = Scalars.owned(Tensors.fromRows(scope, oneHot, outputs));
                NDArray gradient = GraphGradients.of(predicted.mul(classes).sum(), input);
                NDArray shown = Scalars.owned(Tensors.fromRows(scope, released, target.inputShape()));
                loss = loss.add(gradient.sub(shown).square().mean().div(Scalars.like(gradient,
                        explanationScale / weight)));
            }
            collector.backward(loss);
        }
        trainer.step();
    }

    private static float[][] pick(float[][] rows, int[] chosen) {
        float[][] out = new float[chosen.length][];
        for (int s = 0; s < chosen.length; s++) {
            out[s] = rows[chosen[s]];
        }
        return out;
    }

    private static double meanSquare(float[][] rows) {
        double sum = 0;
        long count = 0;
        for (float[] row : rows) {
            for (float v : row) {
                sum += (double) v * v;
            }
            count += row.length;
        }
        return sum / count;
    }
}
