package dev.glassbox.cli;

import dev.glassbox.core.input.FashionMnist;
import dev.glassbox.core.input.LabelledImages;
import dev.glassbox.core.metrics.Classification;
import dev.glassbox.djl.BlockModel;
import dev.glassbox.djl.zoo.FashionCnn;
import dev.glassbox.djl.zoo.ImageClassifierTraining;
import dev.glassbox.djl.zoo.ModelCard;
import dev.glassbox.djl.zoo.SavedModels;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code glassbox train}: the recipes that make glassbox's bundled models. */
@Command(name = "train", description = "Train a bundled model recipe.", mixinStandardHelpOptions = true,
        subcommands = {TrainCommand.FashionMnistRecipe.class, TrainSpamCommand.class})
final class TrainCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The demo CNN on Fashion-MNIST. */
    @Command(name = "fashion-mnist", mixinStandardHelpOptions = true,
            description = "Train the demo CNN (5 conv layers, global average pooling, dropout, linear) on Fashion-MNIST "
                    + "and report its accuracy on the 10,000 test images.")
    static final class FashionMnistRecipe implements Callable<Integer> {
        @Option(names = "--data", description = "Folder with the four Fashion-MNIST IDX files (default: ${DEFAULT-VALUE}).")
        Path data = FashionMnist.defaultDirectory();

        @Option(names = "--out", description = "Model folder to write (default: ${DEFAULT-VALUE}).")
        Path out = Path.of("models", FashionCnn.NAME);

        @Option(names = "--epochs", description = "Passes over the training set (default: ${DEFAULT-VALUE}).")
        int epochs = ImageClassifierTraining.Settings.defaults().epochs();

        @Option(names = "--batch-size", description = "Images per step (default: ${DEFAULT-VALUE}).")
        int batchSize = ImageClassifierTraining.Settings.defaults().batchSize();

        @Option(names = "--learning-rate", description = "Adam's initial learning rate (default: ${DEFAULT-VALUE}).")
        float learningRate = ImageClassifierTraining.Settings.defaults().learningRate();

        @Option(names = "--seed", description = "Random seed (default: ${DEFAULT-VALUE}).")
        long seed = ImageClassifierTraining.Settings.defaults().seed();

        @Option(names = "--limit", description = "Train on the first N training images only (default: all).")
        Integer limit;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter stdout = spec.commandLine().getOut();
            LabelledImages train = FashionMnist.train(data);
            if (limit != null) {
                train = train.slice(0, Math.min(limit, train.count()));
            }
            LabelledImages test = FashionMnist.test(data);
            var settings = new ImageClassifierTraining.Settings(epochs, batchSize, learningRate, seed);
            long start = System.nanoTime();
            try (ProgressBars progress = new ProgressBars();
                    BlockModel model = ImageClassifierTraining.train(FashionCnn.NAME, FashionCnn.build(), train,
                            FashionMnist.CLASS_NAMES, settings, progress)) {
                double seconds = (System.nanoTime() - start) / 1e9;
                double accuracy = Classification.accuracy(model, images(test), test.labels());
                ModelCard card = new ModelCard(FashionCnn.NAME, model.inputShape().dims(), FashionMnist.CLASS_NAMES,
                        "Fashion-MNIST (MIT licence), " + train.count() + " training images", seed, epochs,
                        Map.of("testAccuracy", accuracy, "testImages", (double) test.count(), "trainSeconds", seconds));
                SavedModels.save(model, card, out);
                stdout.printf("trained %s in %.0f s: test accuracy %.2f%% on %d images; saved to %s%n",
                        FashionCnn.NAME, seconds, 100 * accuracy, test.count(), out);
            }
            return 0;
        }

        private static float[][] images(LabelledImages data) {
            float[][] out = new float[data.count()][];
            for (int i = 0; i < out.length; i++) {
                out[i] = data.image(i);
            }
            return out;
        }
    }
}
