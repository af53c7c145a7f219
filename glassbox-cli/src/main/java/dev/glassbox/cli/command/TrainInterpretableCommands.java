package dev.glassbox.cli.command;

import dev.glassbox.cli.ProgressBars;
import dev.glassbox.cli.option.TrainingOptions;
import dev.glassbox.core.input.FashionMnist;
import dev.glassbox.core.input.LabelledImages;
import dev.glassbox.core.metrics.Classification;
import dev.glassbox.djl.model.BlockModel;
import dev.glassbox.djl.model.NamedBlocks;
import dev.glassbox.djl.interpretable.PrototypeExplainer;
import dev.glassbox.djl.interpretable.PrototypeVote;
import dev.glassbox.djl.zoo.FashionProtoNet;
import dev.glassbox.djl.zoo.FashionVit;
import dev.glassbox.djl.zoo.ImageClassifierTraining;
import dev.glassbox.djl.zoo.PrototypeImages;
import dev.glassbox.djl.zoo.PrototypeTraining;
import dev.glassbox.djl.zoo.SavedModels;
import dev.glassbox.djl.zoo.Training;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code glassbox train protonet|vit}: the models that are interpretable by design. */
public final class TrainInterpretableCommands {
    private TrainInterpretableCommands() {
    }

    /** Trains a classifier with cross-entropy, measures its test accuracy and saves it with its card. */
    private static void trainClassifier(String name, NamedBlocks layers, LabelledImages train, LabelledImages test,
            Training.Settings settings, Path out, PrintWriter stdout) {
        long start = System.nanoTime();
        try (ProgressBars progress = new ProgressBars();
                BlockModel model = ImageClassifierTraining.train(name, layers, train, FashionMnist.CLASS_NAMES,
                        settings, progress)) {
            double seconds = TrainCommand.seconds(start);
            double accuracy = Classification.accuracy(model, ImageRows.of(test), test.labels());
            SavedModels.save(model, TrainCommand.card(name, model.inputShape(), FashionMnist.CLASS_NAMES, train,
                    settings, new TreeMap<>(Map.of("testAccuracy", accuracy, "testImages", (double) test.count(),
                            "trainSeconds", seconds))), out);
            stdout.printf("trained %s in %.0f s: test accuracy %.2f%% on %d images; saved to %s%n", name, seconds,
                    100 * accuracy, test.count(), out);
        }
    }

    /** The prototype network. */
    @Command(name = "protonet", mixinStandardHelpOptions = true,
            description = "Train the prototype network (a 3-convolution encoder, 20 prototypes on the unit sphere of a 16-d latent space, "
                    + "softmax attention on them and a weighted vote of their answers) on Fashion-MNIST and draw each "
                    + "prototype as its nearest training image; report test accuracy. With --baseline, train the ordinary "
                    + "CNN of the same size (same encoder, one linear layer) with the same settings instead.")
    public static final class ProtonetRecipe implements Callable<Integer> {
        @Mixin
        TrainingOptions options;

        @Option(names = "--out", description = "Model folder to write (default: ${DEFAULT-VALUE}).")
        Path out = Path.of("models", FashionProtoNet.NAME);

        @Option(names = "--baseline", description = "Train the ordinary CNN of the same size instead, to compare with "
                + "(default --out: models/" + FashionProtoNet.BASELINE + ").")
        boolean baseline;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            LabelledImages train = options.trainingImages();
            LabelledImages test = options.testImages();
            Training.Settings settings = options.settings(PrototypeTraining.defaults());
            if (baseline) {
                return trainBaseline(train, test, settings);
            }
            long start = System.nanoTime();
            try (ProgressBars progress = new ProgressBars();
                    BlockModel model = PrototypeTraining.train(FashionProtoNet.NAME, FashionProtoNet.build(),
                            FashionProtoNet.DISTANCES, train, FashionMnist.CLASS_NAMES, settings, progress)) {
                double seconds = TrainCommand.seconds(start);
                float[][] testRows = ImageRows.of(test);
                double accuracy = Classification.accuracy(model, testRows, test.labels());
                double voteError = new PrototypeExplainer(model, FashionProtoNet.ATTENTION, FashionProtoNet.VOTE)
                        .explain(java.util.Arrays.copyOf(testRows, 200)).stream()
                        .mapToDouble(PrototypeVote::voteError).max().orElseThrow();
                LabelledImages prototypes = PrototypeImages.nearest(model, FashionProtoNet.LATENT,
                        FashionProtoNet.DISTANCES, train, ImageRows.of(train));
                Map<String, Double> metrics = new TreeMap<>(Map.of("testAccuracy", accuracy,
                        "testImages", (double) test.count(), "trainSeconds", seconds, "maxVoteError", voteError));
                SavedModels.save(model, TrainCommand.card(FashionProtoNet.NAME, model.inputShape(),
                        FashionMnist.CLASS_NAMES, train, settings, metrics), out,
                        staging -> PrototypeImages.write(prototypes, staging));
                spec.commandLine().getOut().printf("trained %s in %.0f s: test accuracy %.2f%% on %d images; the "
                        + "weighted vote reproduces the scores within %.1e; saved to %s%n", FashionProtoNet.NAME, seconds,
                        100 * accuracy, test.count(), voteError, out);
            }
            return 0;
        }

        /** Trains and saves the ordinary CNN of the same size with the same settings. */
        private int trainBaseline(LabelledImages train, LabelledImages test, Training.Settings settings) {
            Path folder = out.equals(Path.of("models", FashionProtoNet.NAME)) ? Path.of("models", FashionProtoNet.BASELINE)
                    : out;
            trainClassifier(FashionProtoNet.BASELINE, FashionProtoNet.baseline(), train, test, settings, folder,
                    spec.commandLine().getOut());
            return 0;
        }
    }

    /** The small vision transformer. */
    @Command(name = "vit", mixinStandardHelpOptions = true,
            description = "Train a small vision transformer (7×7 patches, 3 encoder blocks of 4 heads, width 64) on "
                    + "Fashion-MNIST and report its test accuracy.")
    public static final class VitRecipe implements Callable<Integer> {
        @Mixin
        TrainingOptions options;

        @Option(names = "--out", description = "Model folder to write (default: ${DEFAULT-VALUE}).")
        Path out = Path.of("models", FashionVit.NAME);

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            LabelledImages train = options.trainingImages();
            LabelledImages test = options.testImages();
            Training.Settings settings = options.settings(new Training.Settings(2, 128, 2e-3f, 20261122L));
            trainClassifier(FashionVit.NAME, FashionVit.build(), train, test, settings, out, spec.commandLine().getOut());
            return 0;
        }
    }
}
