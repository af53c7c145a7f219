package dev.glassbox.djl.zoo;

import ai.djl.Model;
import dev.glassbox.core.Progress;
import dev.glassbox.core.input.LabelledImages;
import dev.glassbox.djl.model.BlockModel;
import dev.glassbox.core.model.ModelOptions;
import dev.glassbox.djl.model.NamedBlocks;

/**
 * Trains an autoencoder on images with the shared {@link Training} loop: the images are both input and target, the
 * loss is the mean squared reconstruction error (halved, as DJL's L2 loss has it: {@link HalvedSquaredErrorLoss}), labels are not used.
 */
public final class AutoencoderTraining {
    private AutoencoderTraining() {
    }

    /** Settings that train {@link FashionAutoencoder} in about two minutes on two cores. */
    public static Training.Settings defaults() {
        return new Training.Settings(3, 128, 3e-3f, 20261122L);
    }

    /** Trains a fresh autoencoder and returns it as a model whose scores are the reconstructed image, flattened. */
    public static BlockModel train(String name, NamedBlocks layers, LabelledImages images, Training.Settings settings,
            Progress progress) {
        Training.Examples examples = new Training.Examples(ImageClassifierTraining.pixels(images),
                new long[] {images.count(), 1, images.rows(), images.cols()}, null, null);
        Model model = Training.train(name, layers.block(), examples, batches -> new HalvedSquaredErrorLoss(), settings, progress);
        return BlockModel.of(model, layers, new ModelOptions(images.shape(), null, ModelOptions.DEFAULT_BATCH));
    }
}
