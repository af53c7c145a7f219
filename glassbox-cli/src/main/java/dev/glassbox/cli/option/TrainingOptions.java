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
        return cut(FashionMnist.train(data));
    }

    /** Training images cut to {@code --limit}, and held-out images they never include. */
    public record Split(LabelledImages train, LabelledImages heldOut) {
    }

    /** The training images but the last {@code count}, cut to {@code --limit}; those last {@code count} held out. */
    public Split withHeldOut(int count) {
        LabelledImages all = FashionMnist.train(data);
        if (count < 1 || count >= all.count()) {
            throw new InvalidInputException("--validation takes from 1 to " + (all.count() - 1) + " images, got "
                    + count);
        }
        return new Split(cut(all.slice(0, all.count() - count)), all.slice(all.count() - count, all.count()));
    }

    private LabelledImages cut(LabelledImages train) {
        return limit == null ? train : train.slice(0, Math.min(Math.max(limit, 1), train.count()));
    }

    /** The 10,000 test images. */
    public LabelledImages testImages() {
        return FashionMnist.test(data);
    }
}
