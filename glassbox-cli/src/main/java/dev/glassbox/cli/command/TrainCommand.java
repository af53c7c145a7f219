package dev.glassbox.cli.command;

import dev.glassbox.cli.ProgressBars;
import dev.glassbox.cli.option.TrainingOptions;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.input.FashionMnist;
import dev.glassbox.core.input.LabelledImages;
import dev.glassbox.core.input.Patch;
import dev.glassbox.core.math.Vectors;
import dev.glassbox.core.metrics.Classification;
import dev.glassbox.core.model.Shape;
import dev.glassbox.core.uncertainty.CalibrationMetrics;
import dev.glassbox.core.uncertainty.OodMetrics;
import dev.glassbox.djl.model.BlockModel;
import dev.glassbox.djl.model.NamedBlocks;
import dev.glassbox.djl.uncertainty.BayesianPrediction;
import dev.glassbox.djl.uncertainty.DeepEnsemble;
import dev.glassbox.djl.uncertainty.OodSets;
import dev.glassbox.djl.uncertainty.ReconstructionError;
import dev.glassbox.djl.zoo.AutoencoderTraining;
import dev.glassbox.djl.zoo.BayesianCnn;
import dev.glassbox.djl.zoo.EnsembleTraining;
import dev.glassbox.djl.zoo.FashionAutoencoder;
import dev.glassbox.djl.zoo.FashionCnn;
import dev.glassbox.djl.zoo.ImageClassifierTraining;
import dev.glassbox.djl.zoo.ModelCard;
import dev.glassbox.djl.zoo.SavedEnsembles;
import dev.glassbox.djl.zoo.SavedModels;
import dev.glassbox.djl.zoo.Training;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code glassbox train}: the recipes that make glassbox's bundled models. */
@Command(name = "train", description = "Train a bundled model recipe.", mixinStandardHelpOptions = true,
        subcommands = {TrainCommand.FashionMnistRecipe.class, TrainCommand.EnsembleRecipe.class,
            TrainCommand.BayesRecipe.class, TrainCommand.AutoencoderRecipe.class, TrainSpamCommand.class,
            TrainRegressionCommand.class, TrainRoarCommand.class, TrainInterpretableCommands.ProtonetRecipe.class,
            TrainInterpretableCommands.VitRecipe.class, TrainGanCommand.Gan.class,
            TrainGanCommand.Wgan.class, TrainGanCommand.WganGp.class})
public final class TrainCommand implements Runnable {
    @Spec
    public picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The card of a model trained here on Fashion-MNIST. */
    public static ModelCard card(String architecture, Shape shape, List<String> classes, LabelledImages train,
            Training.Settings settings, Map<String, Double> metrics) {
        return new ModelCard(architecture, shape.dims(), classes, "Fashion-MNIST (MIT licence), " + train.count()
                + " training images", settings.seed(), settings.epochs(), metrics);
    }

    /** Seconds since {@code start} (a {@link System#nanoTime()} reading). */
    public static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** The demo CNN on Fashion-MNIST. */
    @Command(name = "fashion-mnist", mixinStandardHelpOptions = true,
            description = "Train the demo CNN (5 conv layers, global average pooling, dropout, linear) on Fashion-MNIST "
                    + "and report its accuracy on the 10,000 test images.")
    public static final class FashionMnistRecipe implements Callable<Integer> {
        @Mixin
        TrainingOptions options;

        @Mixin
        RobustTraining robust;

        @Option(names = "--out", description = "Model folder to write (default: ${DEFAULT-VALUE}).")
        Path out = Path.of("models", FashionCnn.NAME);

        @Option(names = "--permute-labels",
                description = "Shuffle the training labels with the seed (data randomisation: the model can only memorise).")
        boolean permuteLabels;

        @Option(names = "--plant-patch", paramLabel = "CLASS",
                description = "Plant a bright patch (--patch) into every training image of this class: a spurious cue.")
        Integer plantClass;

        @Option(names = "--patch", paramLabel = "ROW,COL,SIZE",
                description = "Where the planted patch goes, and its side (default: ${DEFAULT-VALUE}; brightness 1).")
        String patch = "0,0,4";

        @Option(names = "--plant-rate", paramLabel = "SHARE",
                description = "With --plant-patch: the share of that class's training images that get the patch, "
                        + "chosen with the seed (default: ${DEFAULT-VALUE}).")
        double plantRate = 1;

        @Option(names = "--width", paramLabel = "W",
                description = "Scale every convolution's filters by W, in (0, 4] (default: ${DEFAULT-VALUE}).")
        double width = 1;

        @Option(names = "--dropout", paramLabel = "P",
                description = "Dropout rate before the linear layer, in [0, 1) (default: ${DEFAULT-VALUE}).")
        float dropout = FashionCnn.DROPOUT;

        @Option(names = "--validation", paramLabel = "N",
                description = "Hold out the last N training images (never trained on, whatever --limit says), report "
                        + "the accuracy on them, and print the validation error alone as the last line: an objective "
                        + "for glassbox optimize --command (default: none).")
        int validation;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter stdout = spec.commandLine().getOut();
            if (robust.privateRequested()) {
                return robust.trainPrivate(options, out, stdout);
            }
            if (robust.adversarialRequested()) {
                return robust.trainAdversarial(options, out, stdout);
            }
            TrainingOptions.Split split = validation > 0 ? options.withHeldOut(validation) : null;
            LabelledImages held = split == null ? null : split.heldOut();
            LabelledImages train = split == null ? options.trainingImages() : split.train();
            LabelledImages test = options.testImages();
            Training.Settings settings = options.settings(ImageClassifierTraining.defaults());
            String provenance = "Fashion-MNIST (MIT licence), " + train.count() + " training images"
                    + (dropout != FashionCnn.DROPOUT ? String.format(Locale.ROOT, ", dropout %.3f", dropout) : "");
            Patch planted = plantClass == null ? null : Patch.parse(patch);
            if (planted != null) {
                if (plantClass < 0 || plantClass >= FashionMnist.CLASS_NAMES.size()) {
                    throw new InvalidInputException("--plant-patch takes a class from 0 to 9, got " + plantClass);
                }
                train = planted.plantInClass(train, plantClass, plantRate, settings.seed());
                provenance += String.format(Locale.ROOT, ", a %d×%d patch of brightness %.2f at row %d, column %d "
                        + "planted into %s '%s' image", planted.size(), planted.size(), planted.value(),
                        planted.top(), planted.left(), plantRate == 1 ? "every"
                        : String.format(Locale.ROOT, "%.0f%% of the", 100 * plantRate), FashionMnist.className(plantClass));
            }
            if (permuteLabels) {
                train = train.withPermutedLabels(settings.seed());
                provenance += ", labels permuted with seed " + settings.seed();
            }
            long start = System.nanoTime();
            try (ProgressBars progress = new ProgressBars();
                    BlockModel model = ImageClassifierTraining.train(FashionCnn.name(width),
                            FashionCnn.build(width, dropout), train, FashionMnist.CLASS_NAMES, settings, progress)) {
                double seconds = seconds(start);
                double accuracy = Classification.accuracy(model, ImageRows.of(test), test.labels());
                Map<String, Double> metrics = new TreeMap<>(Map.of("testAccuracy", accuracy,
                        "testImages", (double) test.count(), "trainSeconds", seconds,
                        "trainAccuracy", Classification.accuracy(model, ImageRows.of(train), train.labels())));
                if (planted != null) {
                    metrics.put("patchedTestPredictedAsPatchClass", patchHitRate(model, test, planted, plantClass));
                }
                if (held != null) {
                    metrics.put("validationAccuracy", Classification.accuracy(model, ImageRows.of(held), held.labels()));
                    metrics.put("validationImages", (double) held.count());
                }
                SavedModels.save(model, new ModelCard(FashionCnn.name(width), model.inputShape().dims(),
                        FashionMnist.CLASS_NAMES, provenance, settings.seed(), settings.epochs(), metrics), out);
                stdout.printf("trained %s in %.0f s: test accuracy %.2f%% on %d images, training accuracy %.2f%%; "
                        + "saved to %s%n", FashionCnn.NAME, seconds, 100 * accuracy, test.count(),
                        100 * metrics.get("trainAccuracy"), out);
                if (planted != null) {
                    stdout.printf("test images of other classes carrying the patch predicted as '%s': %.2f%%%n",
                            FashionMnist.className(plantClass), 100 * metrics.get("patchedTestPredictedAsPatchClass"));
                }
                if (held != null) {
                    stdout.printf("validation accuracy %.2f%% on the last %d training images; validation error:%n%.6f%n",
                            100 * metrics.get("validationAccuracy"), held.count(), 1 - metrics.get("validationAccuracy"));
                }
            }
            return 0;
        }

        /** The share of test images of other classes that the model calls {@code label} once they carry the patch. */
        private static double patchHitRate(BlockModel model, LabelledImages test, Patch patch, int label) {
            float[][] rows = ImageRows.of(test);
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
    }

    /** A deep ensemble of demo CNNs. */
    @Command(name = "ensemble", mixinStandardHelpOptions = true,
            description = "Train a deep ensemble of demo CNNs on Fashion-MNIST, one seed per member (the seed plus the "
                    + "member's index), and save it as one folder with an ensemble.json listing the members.")
    public static final class EnsembleRecipe implements Callable<Integer> {
        @Mixin
        TrainingOptions options;

        @Option(names = "--members", description = "Members to train (default: ${DEFAULT-VALUE}).")
        int members = 3;

        @Option(names = "--out", description = "Ensemble folder to write (default: ${DEFAULT-VALUE}).")
        Path out = Path.of("models", "fashion-ensemble");

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            LabelledImages train = options.trainingImages();
            LabelledImages test = options.testImages();
            float[][] testRows = ImageRows.of(test);
            Training.Settings settings = options.settings(new Training.Settings(2, 128, 2e-3f, 20261122L));
            long start = System.nanoTime();
            try (ProgressBars progress = new ProgressBars();
                    DeepEnsemble ensemble = EnsembleTraining.train(FashionCnn.NAME, FashionCnn::build, train,
                            FashionMnist.CLASS_NAMES, settings, members, progress)) {
                double seconds = seconds(start);
                List<ModelCard> cards = new ArrayList<>();
                for (int m = 0; m < members; m++) {
                    double accuracy = Classification.accuracy(ensemble.members().get(m), testRows, test.labels());
                    cards.add(card(FashionCnn.NAME, ensemble.inputShape(), FashionMnist.CLASS_NAMES, train,
                            settings.withSeed(EnsembleTraining.memberSeed(settings, m)),
                            Map.of("testAccuracy", accuracy, "testImages", (double) test.count())));
                }
                CalibrationMetrics metrics = CalibrationMetrics.of(
                        ensemble.memberPredictions(testRows).mean(), test.labels());
                SavedEnsembles.save(ensemble, cards, "Fashion-MNIST (MIT licence), " + train.count()
                        + " training images", Map.of("testAccuracy", metrics.accuracy(), "testEce", metrics.ece(),
                        "testNll", metrics.nll(), "testImages", (double) test.count(), "trainSeconds", seconds), out);
                spec.commandLine().getOut().printf("trained an ensemble of %d %s in %.0f s: test accuracy %.2f%%, "
                        + "ECE %.2f%% on %d images; saved to %s%n", members, FashionCnn.NAME, seconds,
                        100 * metrics.accuracy(), 100 * metrics.ece(), test.count(), out);
            }
            return 0;
        }
    }

    /** The Bayesian CNN, trained by Bayes by backprop. */
    @Command(name = "bayes", mixinStandardHelpOptions = true,
            description = "Train a small Bayesian CNN (Gaussian weights, Bayes by backprop with the local "
                    + "reparameterisation trick) on Fashion-MNIST; report its test accuracy from weight draws.")
    public static final class BayesRecipe implements Callable<Integer> {
        @Mixin
        TrainingOptions options;

        @Option(names = "--draws", description = "Weight draws for the reported test metrics (default: ${DEFAULT-VALUE}).")
        int draws = 10;

        @Option(names = "--out", description = "Model folder to write (default: ${DEFAULT-VALUE}).")
        Path out = Path.of("models", BayesianCnn.NAME);

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            LabelledImages train = options.trainingImages();
            LabelledImages test = options.testImages();
            Training.Settings settings = options.settings(new Training.Settings(4, 128, 3e-3f, 20261122L));
            NamedBlocks layers = BayesianCnn.build();
            long start = System.nanoTime();
            try (ProgressBars progress = new ProgressBars();
                    BlockModel model = ImageClassifierTraining.train(BayesianCnn.NAME, layers, train,
                            FashionMnist.CLASS_NAMES, BayesianCnn.elbo(layers), settings, progress)) {
                double seconds = seconds(start);
                float[][] testRows = ImageRows.of(test);
                double meanWeights = Classification.accuracy(model, testRows, test.labels());
                CalibrationMetrics sampled = CalibrationMetrics.of(BayesianPrediction.sample(model, testRows, draws,
                        settings.seed(), progress).probabilities().mean(), test.labels());
                Map<String, Double> metrics = new LinkedHashMap<>();
                metrics.put("testAccuracy", sampled.accuracy());
                metrics.put("testEce", sampled.ece());
                metrics.put("testDraws", (double) draws);
                metrics.put("testAccuracyMeanWeights", meanWeights);
                metrics.put("testImages", (double) test.count());
                metrics.put("trainSeconds", seconds);
                SavedModels.save(model, card(BayesianCnn.NAME, model.inputShape(), FashionMnist.CLASS_NAMES, train,
                        settings, metrics), out);
                spec.commandLine().getOut().printf("trained %s in %.0f s: test accuracy %.2f%% from %d weight draws "
                        + "(%.2f%% with the mean weights), ECE %.2f%%; saved to %s%n", BayesianCnn.NAME, seconds,
                        100 * sampled.accuracy(), draws, 100 * meanWeights, 100 * sampled.ece(), out);
            }
            return 0;
        }
    }

    /** The convolutional autoencoder whose reconstruction error scores out-of-distribution inputs. */
    @Command(name = "autoencoder", mixinStandardHelpOptions = true,
            description = "Train a small convolutional autoencoder on Fashion-MNIST; report its test reconstruction "
                    + "error and how well that error tells uniform noise from test images (AUROC).")
    public static final class AutoencoderRecipe implements Callable<Integer> {
        @Mixin
        TrainingOptions options;

        @Option(names = "--out", description = "Model folder to write (default: ${DEFAULT-VALUE}).")
        Path out = Path.of("models", FashionAutoencoder.NAME);

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            LabelledImages train = options.trainingImages();
            LabelledImages test = options.testImages();
            Training.Settings settings = options.settings(AutoencoderTraining.defaults());
            long start = System.nanoTime();
            try (ProgressBars progress = new ProgressBars();
                    BlockModel model = AutoencoderTraining.train(FashionAutoencoder.NAME, FashionAutoencoder.build(),
                            train, settings, progress)) {
                double seconds = seconds(start);
                double[] errors = ReconstructionError.scores(model, ImageRows.of(test));
                double[] noise = ReconstructionError.scores(model,
                        OodSets.uniformNoise(test.count(), test.shape(), settings.seed()));
                double meanError = java.util.Arrays.stream(errors).average().orElseThrow();
                double auroc = OodMetrics.auroc(errors, noise);
                SavedModels.save(model, card(FashionAutoencoder.NAME, model.inputShape(), List.of(), train, settings,
                        Map.of("testReconstructionMse", meanError, "testNoiseAuroc", auroc,
                                "testImages", (double) test.count(), "trainSeconds", seconds)), out);
                spec.commandLine().getOut().printf("trained %s in %.0f s: test reconstruction MSE %.4f, AUROC %.3f "
                        + "against uniform noise; saved to %s%n", FashionAutoencoder.NAME, seconds, meanError, auroc,
                        out);
            }
            return 0;
        }
    }
}
