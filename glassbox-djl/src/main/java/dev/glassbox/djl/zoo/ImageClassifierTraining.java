package dev.glassbox.djl.zoo;

import ai.djl.Model;
import ai.djl.training.loss.Loss;
import dev.glassbox.core.Progress;
import dev.glassbox.core.input.LabelledImages;
import dev.glassbox.djl.model.BlockModel;
import dev.glassbox.core.model.ModelOptions;
import dev.glassbox.djl.model.NamedBlocks;
import java.util.List;
import java.util.function.Function;

/**
 * Trains an image classifier built from {@link NamedBlocks} on labelled images with the shared {@link Training} loop:
 * softmax cross-entropy by default, or another loss such as the ELBO of a Bayesian network.
 */
public final class ImageClassifierTraining {

    private ImageClassifierTraining() {
    }

    /** The settings the bundled Fashion-MNIST model was trained with. */
    public static Training.Settings defaults() {
        return new Training.Settings(6, 128, 2e-3f, 20261122L);
    }

    /** Trains a fresh network with softmax cross-entropy and returns it as a model ready to predict and explain. */
    public static BlockModel train(String name, NamedBlocks layers, LabelledImages data, List<String> classNames,
            Training.Settings settings, Progress progress) {
        return train(name, layers, data, classNames, batches -> Loss.softmaxCrossEntropyLoss(), settings, progress);
    }

    /** Trains a fresh network with the loss made for the number of mini-batches per epoch. */
    public static BlockModel train(String name, NamedBlocks layers, LabelledImages data, List<String> classNames,
            Function<Integer, Loss> loss, Training.Settings settings, Progress progress) {
        Model model = Training.train(name, layers.block(), examples(data), loss, settings, progress);
        return BlockModel.of(model, layers, new ModelOptions(data.shape(), classNames, ModelOptions.DEFAULT_BATCH));
    }

    /**
     * Trains a fresh network with softmax cross-entropy on the inputs {@code perturbation} makes of each mini-batch
     * (adversarial training).
     */
    public static BlockModel train(String name, NamedBlocks layers, LabelledImages data, List<String> classNames,
            Training.Settings settings, Training.InputPerturbation perturbation, Progress progress) {
        Model model = Training.train(name, layers.block(), examples(data), batches -> Loss.softmaxCrossEntropyLoss(),
                settings, perturbation, progress);
        return BlockModel.of(model, layers, new ModelOptions(data.shape(), classNames, ModelOptions.DEFAULT_BATCH));
    }

    /** The images as inputs of shape {@code count × 1 × rows × cols} in [0, 1] and their labels as targets. */
    public static Training.Examples examples(LabelledImages data) {
        float[] labels = new float[data.count()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = data.label(i);
        }
        return new Training.Examples(pixels(data), new long[] {data.count(), 1, data.rows(), data.cols()}, labels,
                new long[] {data.count()});
    }

    /** Every pixel of every image as a value in [0, 1], image after image. */
    public static float[] pixels(LabelledImages data) {
        byte[] pixels = data.pixels();
        float[] out = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            out[i] = (pixels[i] & 0xFF) / 255f;
        }
        return out;
    }
}
