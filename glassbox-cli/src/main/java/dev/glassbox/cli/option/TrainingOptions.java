package dev.glassbox.cli.option;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.input.FashionMnist;
import dev.glassbox.core.input.LabelledImages;
import dev.glassbox.djl.zoo.Training;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every training recipe shares: the data, and settings that override the recipe's defaults. */
public final class TrainingOptions {
    @Option(names = "--data", description = "Folder with the four Fashion-MNIST IDX files (default: ${DEFAULT-VALUE}).")
    public Path data = FashionMnist.defaultDirectory();

    @Option(names = "--epochs", description = "Passes over the training set (default: the recipe's).")
    public Integer epochs;

    @Option(names = "--batch-size", description = "Images per step (default: the recipe's).")
    public Integer batchSize;

    @Option(names = "--learning-rate", description = "Adam's initial learning rate (default: the recipe's).")
    public Float learningRate;

    @Option(names = "--seed", description = "Random seed (default: the recipe's).")
    public Long seed;

    @Option(names = "--limit", description = "Train on the first N training images only (default: all).")
    public Integer limit;

    /** The recipe's settings with the options given on the command line. */
    public Training.Settings settings(Training.Settings defaults) {
        return new Training.Settings(epochs != null ? epochs : defaults.epochs(),
                batchSize != null ? batchSize : defaults.batchSize(),
                learningRate != null ? learningRate : defaults.learningRate(), seed != null ? seed : defaults.seed());
    }

    /** The training images, cut to {@code --limit}. */
    public LabelledImages trainingImages() {
        return trainingImages(0);
    }

    /** The training images but the last {@code heldOut} ({@link #validationImages}), cut to {@code --limit}. */
    public LabelledImages trainingImages(int heldOut) {
        LabelledImages train = FashionMnist.train(data);
        int available = train.count() - heldOut;
        return train.slice(0, limit == null ? available : Math.min(Math.max(limit, 1), available));
    }

    /** The last {@code count} of the 60,000 training images, held out for validation. */
    public LabelledImages validationImages(int count) {
        LabelledImages train = FashionMnist.train(data);
        if (count < 1 || count >= train.count()) {
            throw new InvalidInputException("--validation takes from 1 to " + (train.count() - 1) + " images, got "
                    + count);
        }
        return train.slice(train.count() - count, train.count());
    }

    /** The 10,000 test images. */
    public LabelledImages testImages() {
        return FashionMnist.test(data);
    }
}
