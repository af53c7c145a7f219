package dev.glassbox.cli;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.input.FashionMnist;
import dev.glassbox.core.input.LabelledImages;
import dev.glassbox.core.input.Patch;
import dev.glassbox.core.math.Vectors;
import dev.glassbox.core.metrics.Classification;
import dev.glassbox.djl.BlockModel;
import dev.glassbox.djl.zoo.FashionCnn;
import dev.glassbox.djl.zoo.ImageClassifierTraining;
import dev.glassbox.djl.zoo.ModelCard;
import dev.glassbox.djl.zoo.SavedModels;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code glassbox train}: the recipes that make glassbox's bundled models. */
@Command(name = "train", description = "Train a bundled model recipe.", mixinStandardHelpOptions = true,
        subcommands = TrainCommand.FashionMnistRecipe.class)
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

        @Option(names = "--permute-labels",
                description = "Shuffle the training labels with the seed (data randomisation: the model can only memorise).")
        boolean permuteLabels;

        @Option(names = "--plant-patch", paramLabel = "CLASS",
                description = "Plant a bright patch (--patch) into every training image of this class: a spurious cue.")
        Integer plantClass;

        @Option(names = "--patch", paramLabel = "ROW,COL,SIZE",
                description = "Where the planted patch goes, and its side (default: ${DEFAULT-VALUE}; brightness 1).")
        String patch = "0,0,4";

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter stdout = spec.commandLine().getOut();
            LabelledImages train = FashionMnist.train(data);
            if (limit != null) {
                train = train.slice(0, Math.min(limit, train.count()));
            }
            String provenance = "Fashion-MNIST (MIT licence), " + train.count() + " training images";
            Patch planted = plantClass == null ? null : Patch.parse(patch);
            if (planted != null) {
                if (plantClass < 0 || plantClass >= FashionMnist.CLASS_NAMES.size()) {
                    throw new InvalidInputException("--plant-patch takes a class from 0 to 9, got " + plantClass);
                }
                train = planted.plantInClass(train, plantClass);
                provenance += String.format(Locale.ROOT, ", a %d×%d patch of brightness %.2f at row %d, column %d "
                        + "planted into every '%s' image", planted.size(), planted.size(), planted.value(), planted.top(), planted.left(),
                        FashionMnist.className(plantClass));
            }
            if (permuteLabels) {
                train = train.withPermutedLabels(seed);
                provenance += ", labels permuted with seed " + seed;
            }
            LabelledImages test = FashionMnist.test(data);
            var settings = new ImageClassifierTraining.Settings(epochs, batchSize, learningRate, seed);
            long start = System.nanoTime();
            try (ProgressBars progress = new ProgressBars();
                    BlockModel model = ImageClassifierTraining.train(FashionCnn.NAME, FashionCnn.build(), train,
                            FashionMnist.CLASS_NAMES, settings, progress)) {
                double seconds = (System.nanoTime() - start) / 1e9;
                double accuracy = Classification.accuracy(model, images(test), test.labels());
                Map<String, Double> metrics = new TreeMap<>(Map.of("testAccuracy", accuracy,
                        "testImages", (double) test.count(), "trainSeconds", seconds,
                        "trainAccuracy", Classification.accuracy(model, images(train), train.labels())));
                if (planted != null) {
                    metrics.put("patchedTestPredictedAsPatchClass", patchHitRate(model, test, planted, plantClass));
                }
                ModelCard card = new ModelCard(FashionCnn.NAME, model.inputShape().dims(), FashionMnist.CLASS_NAMES,
                        provenance, seed, epochs, metrics);
                SavedModels.save(model, card, out);
                stdout.printf("trained %s in %.0f s: test accuracy %.2f%% on %d images, training accuracy %.2f%%; "
                        + "saved to %s%n", FashionCnn.NAME, seconds, 100 * accuracy, test.count(),
                        100 * metrics.get("trainAccuracy"), out);
                if (planted != null) {
                    stdout.printf("test images of other classes carrying the patch predicted as '%s': %.2f%%%n",
                            FashionMnist.className(plantClass), 100 * metrics.get("patchedTestPredictedAsPatchClass"));
                }
            }
            return 0;
        }

        /** The share of test images of other classes that the model calls {@code label} once they carry the patch. */
        private static double patchHitRate(BlockModel model, LabelledImages test, Patch patch, int label) {
            float[][] rows = images(test);
            int others = 0;
            int hits = 0;
            float[][] scores = model.predict(java.util.Arrays.stream(rows)
                    .map(row -> patch.plant(row, test.shape())).toArray(float[][]::new));
            for (int i = 0; i < rows.length; i++) {
                if (test.label(i) != label) {
                    others++;
                    hits += Vectors.argmax(scores[i]) == label ? 1 : 0;
                }
            }
            return hits / (double) others;
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
