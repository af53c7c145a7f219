package dev.glassbox.cli.command;

import dev.glassbox.cli.ProgressBars;
import dev.glassbox.cli.demo.BundledDemo;
import dev.glassbox.core.generative.GeneratorPictures;
import dev.glassbox.core.input.FashionMnist;
import dev.glassbox.core.input.LabelledImages;
import dev.glassbox.core.model.Shape;
import dev.glassbox.core.output.StableJson;
import dev.glassbox.djl.model.BlockModel;
import dev.glassbox.djl.generative.GanLoss;
import dev.glassbox.djl.generative.GanSettings;
import dev.glassbox.djl.generative.GanTrainer;
import dev.glassbox.djl.generative.GeneratorEvaluation;
import dev.glassbox.djl.zoo.DcganGenerator;
import dev.glassbox.djl.zoo.FashionCnn;
import dev.glassbox.djl.zoo.ModelCard;
import dev.glassbox.djl.zoo.SavedModels;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code glassbox train gan|wgan|wgan-gp}: trains the DCGAN-style generator on Fashion-MNIST with one of the three
 * losses, then measures it on the bundled classifier's penultimate features (Fréchet distance against real test
 * images, with the real-versus-real floor) and by the classes it sees, and writes the generator's folder with a sample
 * grid, latent interpolations and {@code metrics.json}.
 */
public abstract class TrainGanCommand implements Callable<Integer> {
    /** The default number of generator steps (a budget of a few minutes on one thread for each loss). */
    public static final int ITERATIONS = 250;
    /** The seed of the codes of the grid, the interpolations and the evaluation (the demo draws the same codes). */
    public static final long PICTURE_SEED = 7;
    /** The classifier layer whose outputs are the features. */
    public static final String FEATURES = "gap";
    /** The shape of one generated image. */
    public static final Shape IMAGE = Shape.of(DcganGenerator.IMAGE);

    @Option(names = "--data", description = "Folder with the four Fashion-MNIST IDX files (default: ${DEFAULT-VALUE}).")
    public Path data = FashionMnist.defaultDirectory();

    @Option(names = "--limit", description = "Train on the first N training images only (default: all).")
    public Integer limit;

    @Option(names = "--iterations", description = "Generator steps (default: ${DEFAULT-VALUE}).")
    public int iterations = ITERATIONS;

    @Option(names = "--batch-size", description = "Images per step (default: 64).")
    public Integer batchSize;

    @Option(names = "--critic-steps", description = "Critic steps per generator step (default: 1 for gan, 5 else).")
    public Integer criticSteps;

    @Option(names = "--learning-rate", description = "Learning rate of both networks (default: the loss's paper's).")
    public Float learningRate;

    @Option(names = "--clip", description = "WGAN's weight clipping bound (default: 0.01).")
    public Float clip;

    @Option(names = "--penalty", description = "WGAN-GP's penalty weight lambda (default: 10).")
    public Float penalty;

    @Option(names = "--samples", description = "Generated and real images per side of the Fréchet distance "
            + "(default: ${DEFAULT-VALUE}; the test set must hold twice as many).")
    public int samples = 1000;

    @Option(names = "--classifier", description = "Model folder of the classifier whose '" + FEATURES + "' features "
            + "and classes measure the generator (default: the bundled Fashion-MNIST CNN).")
    public Path classifier;

    @Option(names = "--seed", description = "Random seed (default: ${DEFAULT-VALUE}).")
    public long seed = 20261205L;

    @Option(names = "--out", description = "Folder to write (default: models/LOSS).")
    public Path out;

    @Spec
    public picocli.CommandLine.Model.CommandSpec spec;

    /** The loss this command trains with. */
    public abstract GanLoss loss();

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        GanSettings defaults = GanSettings.defaults(loss(), iterations, seed);
        GanSettings settings = new GanSettings(loss(), iterations,
                batchSize != null ? batchSize : defaults.batchSize(),
                criticSteps != null ? criticSteps : defaults.criticSteps(),
                learningRate != null ? learningRate : defaults.learningRate(), clip != null ? clip : defaults.clip(),
                penalty != null ? penalty : defaults.penaltyWeight(), seed);
        LabelledImages train = FashionMnist.train(data);
        if (limit != null) {
            train = train.slice(0, Math.min(Math.max(limit, 1), train.count()));
        }
        LabelledImages test = FashionMnist.test(data);
        Path folder = out != null ? out : Path.of("models", loss().id());
        long start = System.nanoTime();
        try (ProgressBars progress = new ProgressBars();
                BlockModel generator = GanTrainer.train(settings, train, progress)) {
            double seconds = TrainCommand.seconds(start);
            progress.update("evaluating on the classifier's features", 0, 1);
            GeneratorEvaluation evaluation = evaluate(generator, test);
            progress.update("evaluating on the classifier's features", 1, 1);
            Map<String, Object> metrics = new LinkedHashMap<>();
            metrics.put("loss", loss().id());
            metrics.put("settings", settings(settings, train.count()));
            metrics.put("trainSeconds", seconds);
            metrics.putAll(evaluation.toMap());
            Map<String, Double> cardMetrics = new TreeMap<>(Map.of("frechetDistance", evaluation.frechetDistance(),
                    "realFloor", evaluation.realFloor(), "trainSeconds", seconds,
                    "classesPresent", (double) (FashionMnist.CLASS_NAMES.size() - evaluation.classes().missing().size())));
            ModelCard card = new ModelCard(DcganGenerator.NAME, new int[] {DcganGenerator.LATENT}, List.of(),
                    "Fashion-MNIST (MIT licence), " + train.count() + " training images; loss " + loss().id(),
                    seed, iterations, cardMetrics);
            SavedModels.save(generator, card, folder, staging -> {
                Files.write(staging.resolve("grid.png"), GeneratorPictures.grid(generator, IMAGE, PICTURE_SEED, 10, 10));
                Files.write(staging.resolve("interpolation.png"),
                        GeneratorPictures.interpolations(generator, IMAGE, PICTURE_SEED, 8, 10));
                Files.writeString(staging.resolve("metrics.json"), StableJson.toJson(metrics) + "\n");
            });
            stdout.printf(Locale.ROOT, "trained %s for %d iterations in %.0f s; Fréchet distance %.2f (real-vs-real "
                    + "floor %.2f, %d samples each), %d of 10 classes present (smallest share %.1f%%); saved to %s%n",
                    loss().id(), iterations, seconds, evaluation.frechetDistance(), evaluation.realFloor(),
                    evaluation.samples(), 10 - evaluation.classes().missing().size(),
                    100 * evaluation.classes().smallestShare(), folder);
        }
        return 0;
    }

    private GeneratorEvaluation evaluate(BlockModel generator, LabelledImages test) {
        if (classifier != null) {
            try (BlockModel model = SavedModels.load(classifier, 200)) {
                return GeneratorEvaluation.of(generator, model, FEATURES, test, samples, PICTURE_SEED);
            }
        }
        try (BundledDemo bundle = BundledDemo.unpack(); BlockModel model = SavedModels.load(bundle.modelDir(), 200)) {
            return GeneratorEvaluation.of(generator, model, FEATURES, test, samples, PICTURE_SEED);
        }
    }

    private static Map<String, Object> settings(GanSettings s, int images) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("iterations", s.iterations());
        out.put("batchSize", s.batchSize());
        out.put("criticSteps", s.criticSteps());
        out.put("learningRate", decimal(s.learningRate()));
        if (s.loss() == GanLoss.WGAN) {
            out.put("clip", decimal(s.clip()));
        }
        if (s.loss() == GanLoss.WGAN_GP) {
            out.put("penaltyWeight", decimal(s.penaltyWeight()));
        }
        out.put("trainingImages", images);
        out.put("seed", s.seed());
        out.put("classifierFeatures", FashionCnn.NAME + "." + FEATURES);
        return out;
    }

    /** A float as the double its shortest decimal names (1e-4, not 9.999999747378752e-5). */
    private static double decimal(float value) {
        return Double.parseDouble(Float.toString(value));
    }

    /** {@code glassbox train gan}. */
    @Command(name = "gan", mixinStandardHelpOptions = true, description = "Train the DCGAN-style generator on "
            + "Fashion-MNIST with the standard (non-saturating) GAN loss; measure and save it.")
    public static final class Gan extends TrainGanCommand {
        @Override
        public GanLoss loss() {
            return GanLoss.GAN;
        }
    }

    /** {@code glassbox train wgan}. */
    @Command(name = "wgan", mixinStandardHelpOptions = true, description = "Train the DCGAN-style generator on "
            + "Fashion-MNIST as a Wasserstein GAN (weight clipping, RMSProp, 5 critic steps); measure and save it.")
    public static final class Wgan extends TrainGanCommand {
        @Override
        public GanLoss loss() {
            return GanLoss.WGAN;
        }
    }

    /** {@code glassbox train wgan-gp}. */
    @Command(name = "wgan-gp", mixinStandardHelpOptions = true, description = "Train the DCGAN-style generator on "
            + "Fashion-MNIST as a WGAN with gradient penalty (lambda 10, Adam, 5 critic steps); measure and save it.")
    public static final class WganGp extends TrainGanCommand {
        @Override
        public GanLoss loss() {
            return GanLoss.WGAN_GP;
        }
    }
}
