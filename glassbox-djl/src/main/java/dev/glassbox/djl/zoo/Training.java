package dev.glassbox.djl.zoo;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.TranslateException;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.Progress;
import dev.glassbox.core.model.Batches;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.function.Function;

/**
 * The training loop behind every recipe: Adam with a cosine learning-rate schedule, shuffled mini-batches, a fixed
 * seed, and guards that stop with a clear error on a non-finite loss or gradient instead of saving a broken model.
 */
public final class Training {

    /** Training settings. */
    public record Settings(int epochs, int batchSize, float learningRate, long seed) {
        public Settings {
            if (epochs < 1 || batchSize < 1 || !(learningRate > 0) || Float.isInfinite(learningRate)) {
                throw new InvalidInputException("training needs at least one epoch, a positive batch size and a "
                        + "positive finite learning rate; got " + epochs + " epochs, batch size " + batchSize
                        + ", learning rate " + learningRate);
            }
        }

        /** The same settings with another seed. */
        public Settings withSeed(long newSeed) {
            return new Settings(epochs, batchSize, learningRate, newSeed);
        }

        /** How many mini-batches make one pass over {@code examples} samples. */
        public int batchesPerEpoch(int examples) {
            return (examples + batchSize - 1) / batchSize;
        }
    }

    /**
     * Training examples: inputs and targets, each a flat array whose first dimension counts the samples.
     *
     * @param inputs the inputs, {@code shape(inputShape)} values
     * @param inputShape the inputs' shape, samples first
     * @param targets the targets (class indices as floats, or values to regress), or {@code null} to reconstruct the
     *     inputs (autoencoders)
     * @param targetShape the targets' shape, samples first; ignored when {@code targets} is null
     */
    public record Examples(float[] inputs, long[] inputShape, float[] targets, long[] targetShape) {
        public Examples {
            if (inputShape.length == 0 || inputShape[0] < 1) {
                throw new InvalidInputException("training needs at least one example");
            }
            requireSize(inputs.length, inputShape, "inputs");
            if (targets != null) {
                requireSize(targets.length, targetShape, "targets");
            }
            Batches.requireFinite(inputs, "the training inputs");
            if (targets != null) {
                Batches.requireFinite(targets, "the training targets");
            }
        }

        /** The number of examples. */
        public int count() {
            return (int) inputShape[0];
        }

        private static void requireSize(int length, long[] shape, String what) {
            long size = 1;
            for (long d : shape) {
                size *= d;
            }
            if (size != length) {
                throw new InvalidInputException("the training " + what + " hold " + length + " values but their shape "
                        + Arrays.toString(shape) + " needs " + size);
            }
        }
    }

    /**
     * What a training step feeds the network in place of a mini-batch's inputs, such as adversarial examples crafted
     * against the network as it stands (adversarial training). Arrays made from {@code inputs} live as long as the
     * batch.
     */
    @FunctionalInterface
    public interface InputPerturbation {
        /** The inputs as they are. */
        InputPerturbation NONE = (trainer, inputs, labels) -> inputs;

        /** The inputs to train on for this mini-batch. */
        NDArray apply(Trainer trainer, NDArray inputs, NDArray labels);
    }

    /** A training run whose loss or gradient became NaN or infinite: the settings (usually the rate) must change. */
    public static final class DivergedException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        /** A run that diverged, as {@code message} says where and what to change. */
        public DivergedException(String message) {
            super(message);
        }
    }

    private Training() {
    }

    /**
     * Trains {@code block} from scratch and returns the DJL model holding it. {@code loss} is made once the model
     * exists, from the number of mini-batches per epoch (the ELBO weighs its KL term by it).
     *
     * @throws DivergedException naming the epoch and step when the loss or a gradient becomes NaN or infinite
     */
    public static Model train(String name, Block block, Examples examples, Function<Integer, Loss> loss,
            Settings settings, Progress progress) {
        return train(name, block, examples, loss, settings, InputPerturbation.NONE, progress);
    }

    /**
     * Trains {@code block} from scratch on the inputs {@code perturbation} makes of each mini-batch.
     *
     * @throws DivergedException naming the epoch and step when the loss or a gradient becomes NaN or infinite
     */
    public static Model train(String name, Block block, Examples examples, Function<Integer, Loss> loss,
            Settings settings, InputPerturbation perturbation, Progress progress) {
        Engine.getEngine("PyTorch").setRandomSeed((int) settings.seed());
        Model model = Model.newInstance(name, "PyTorch");
        model.setBlock(block);
        int stepsPerEpoch = settings.batchesPerEpoch(examples.count());
        Tracker schedule = Tracker.cosine().setBaseValue(settings.learningRate())
                .optFinalValue(settings.learningRate() / 100).setMaxUpdates(settings.epochs() * stepsPerEpoch).build();
        DefaultTrainingConfig config = new DefaultTrainingConfig(loss.apply(stepsPerEpoch))
                .optOptimizer(Optimizer.adam().optLearningRateTracker(schedule).build());
        NDManager manager = model.getNDManager();
        Shape inputShape = new Shape(examples.inputShape());
        try (NDManager dataScope = manager.newSubManager(); Trainer trainer = model.newTrainer(config)) {
            NDArray inputs = dataScope.create(examples.inputs(), inputShape);
            NDArray targets = examples.targets() == null ? inputs
                    : dataScope.create(examples.targets(), new Shape(examples.targetShape()));
            ArrayDataset dataset = new ArrayDataset.Builder().setData(inputs).optLabels(targets)
                    .setSampling(settings.batchSize(), true).build();
            trainer.initialize(new Shape(1).addAll(inputShape.slice(1)));
            for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
                int step = 0;
                for (Batch batch : trainer.iterateDataset(dataset)) {
                    try (batch) {
                        step(trainer, batch, perturbation, epoch, step);
                    }
                    progress.update("epoch " + epoch + "/" + settings.epochs(), ++step, stepsPerEpoch);
                }
            }
        } catch (IOException e) {
            model.close();
            throw new UncheckedIOException(e);
        } catch (DivergedException e) {
            model.close();
            throw new DivergedException("training " + name + " diverged: " + e.getMessage());
        } catch (TranslateException | RuntimeException e) {
            model.close();
            throw new IllegalStateException("training " + name + " failed: " + e.getMessage(), e);
        }
        return model;
    }

    private static void step(Trainer trainer, Batch batch, InputPerturbation perturbation, int epoch, int step) {
        NDList inputs = batch.getData();
        if (perturbation != InputPerturbation.NONE) {
            inputs = new NDList(perturbation.apply(trainer, inputs.singletonOrThrow(), batch.getLabels().head()));
        }
        try (GradientCollector collector = trainer.newGradientCollector()) {
            NDList predictions = trainer.forward(inputs, batch.getLabels());
            NDArray loss = trainer.getLoss().evaluate(batch.getLabels(), predictions);
            float value = loss.getFloat();
            if (!Float.isFinite(value)) {
                throw new DivergedException("the loss became " + value + " at epoch " + epoch + ", step " + step
                        + "; lower the learning rate");
            }
            collector.backward(loss);
        }
        requireFiniteGradients(trainer, epoch, step);
        trainer.step();
    }

    /** Stops before the optimiser turns a non-finite gradient into non-finite weights. */
    private static void requireFiniteGradients(Trainer trainer, int epoch, int step) {
        for (var parameter : trainer.getModel().getBlock().getParameters()) {
            if (parameter.getValue().requiresGradient()) {
                NDArray gradient = parameter.getValue().getArray().getGradient();
                if (gradient.isNaN().logicalOr(gradient.isInfinite()).any().getBoolean()) {
                    throw new DivergedException("the gradient of " + parameter.getKey() + " became NaN or "
                            + "infinite at epoch " + epoch + ", step " + step + "; lower the learning rate");
                }
            }
        }
    }
}
