package dev.glassbox.djl.zoo;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.TranslateException;
import dev.glassbox.core.Progress;
import dev.glassbox.core.input.LabelledImages;
import dev.glassbox.djl.BlockModel;
import dev.glassbox.djl.ModelOptions;
import dev.glassbox.djl.NamedBlocks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Trains an image classifier built from {@link NamedBlocks} on labelled images with DJL: softmax cross-entropy, Adam
 * with a cosine learning-rate schedule, shuffled mini-batches, a fixed seed, and a guard that stops on a non-finite
 * loss instead of saving a broken model.
 */
public final class ImageClassifierTraining {

    /** Training settings. */
    public record Settings(int epochs, int batchSize, float learningRate, long seed) {
        /** The settings the bundled Fashion-MNIST model was trained with. */
        public static Settings defaults() {
            return new Settings(6, 128, 2e-3f, 20261122L);
        }
    }

    private ImageClassifierTraining() {
    }

    /** Trains a fresh network and returns it as a model ready to predict and explain. */
    public static BlockModel train(String name, NamedBlocks layers, LabelledImages data, List<String> classNames,
            Settings settings, Progress progress) {
        Engine.getInstance().setRandomSeed((int) settings.seed());
        Model model = Model.newInstance(name, "PyTorch");
        model.setBlock(layers.block());
        int stepsPerEpoch = (data.count() + settings.batchSize() - 1) / settings.batchSize();
        Tracker schedule = Tracker.cosine().setBaseValue(settings.learningRate())
                .optFinalValue(settings.learningRate() / 100).setMaxUpdates(settings.epochs() * stepsPerEpoch).build();
        DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optOptimizer(Optimizer.adam().optLearningRateTracker(schedule).build());
        NDManager manager = model.getNDManager();
        Shape imageShape = new Shape(1, data.rows(), data.cols());
        try (NDManager dataScope = manager.newSubManager(); Trainer trainer = model.newTrainer(config)) {
            ArrayDataset dataset = new ArrayDataset.Builder()
                    .setData(dataScope.create(allPixels(data), new Shape(data.count(), 1, data.rows(), data.cols())))
                    .optLabels(dataScope.create(labelsAsFloats(data)))
                    .setSampling(settings.batchSize(), true).build();
            trainer.initialize(new Shape(1).addAll(imageShape));
            for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
                int step = 0;
                for (Batch batch : trainer.iterateDataset(dataset)) {
                    try (batch) {
                        trainStep(trainer, batch, epoch, step);
                    }
                    progress.update("epoch " + epoch + "/" + settings.epochs(), ++step, stepsPerEpoch);
                }
            }
        } catch (IOException e) {
            model.close();
            throw new UncheckedIOException(e);
        } catch (TranslateException | RuntimeException e) {
            model.close();
            throw new IllegalStateException("training " + name + " failed: " + e.getMessage(), e);
        }
        return BlockModel.of(model, layers, new ModelOptions(
                dev.glassbox.core.model.Shape.of(1, data.rows(), data.cols()), classNames, ModelOptions.DEFAULT_BATCH));
    }

    private static void trainStep(Trainer trainer, Batch batch, int epoch, int step) {
        try (GradientCollector collector = trainer.newGradientCollector()) {
            NDList predictions = trainer.forward(batch.getData(), batch.getLabels());
            NDArray loss = trainer.getLoss().evaluate(batch.getLabels(), predictions);
            float value = loss.getFloat();
            if (!Float.isFinite(value)) {
                throw new IllegalStateException("the loss became " + value + " at epoch " + epoch + ", step " + step
                        + "; lower the learning rate");
            }
            collector.backward(loss);
        }
        trainer.step();
    }

    private static float[] allPixels(LabelledImages data) {
        byte[] pixels = data.pixels();
        float[] out = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            out[i] = (pixels[i] & 0xFF) / 255f;
        }
        return out;
    }

    private static float[] labelsAsFloats(LabelledImages data) {
        float[] out = new float[data.count()];
        for (int i = 0; i < out.length; i++) {
            out[i] = data.label(i);
        }
        return out;
    }
}
