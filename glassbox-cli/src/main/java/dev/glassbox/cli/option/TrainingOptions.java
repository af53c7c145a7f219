package dev.glassbox.cli.option;

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
        LabelledImages train = FashionMnist.train(data);
        return limit == null ? train : train.slice(0, Math.min(Math.max(limit, 1), train.count()));
    }

    /** The 10,000 test images. */
    public LabelledImages testImages() {
        return FashionMnist.test(data);
    }
}
