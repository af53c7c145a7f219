package dev.glassbox.cli.command;

import dev.glassbox.cli.ProgressBars;
import dev.glassbox.cli.option.TrainingOptions;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.input.FashionMnist;
import dev.glassbox.core.input.LabelledImages;
import dev.glassbox.core.metrics.Classification;
import dev.glassbox.djl.model.BlockModel;
import dev.glassbox.core.model.ModelOptions;
import dev.glassbox.djl.model.NamedBlocks;
import dev.glassbox.djl.privacy.DpSgd;
import dev.glassbox.djl.robust.AdversarialTraining;
import dev.glassbox.djl.robust.InputBounds;
import dev.glassbox.djl.robust.PgdEvaluation;
import dev.glassbox.djl.robust.RobustnessCurve;
import dev.glassbox.djl.zoo.Architectures;
import dev.glassbox.djl.zoo.SmallCnn;
import dev.glassbox.djl.zoo.ImageClassifierTraining;
import dev.glassbox.djl.zoo.ModelCard;
import dev.glassbox.djl.zoo.SavedModels;
import dev.glassbox.djl.zoo.Training;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Option;

/**
 * The options of {@code glassbox train fashion-mnist} that make a robust or a private model: adversarial training
 * (PGD or fast FGSM) with the PGD evaluation of clean and robust accuracy written into the model card, and DP-SGD to
 * a chosen (ε, δ).
 */
public final class RobustTraining {
    private static final InputBounds PIXELS = new InputBounds(0, 1);

    @Option(names = "--adversarial", paramLabel = "pgd|fast|none",
            description = "Adversarial training: pgd (Madry et al.) or fast (FGSM from a random start, Wong et al.); "
                    + "none trains on clean images and runs the same evaluation (a baseline).")
    public String adversarial;

    @Option(names = "--architecture", paramLabel = "small-cnn|fashion-cnn",
            description = "The network of the robust or private model (default: ${DEFAULT-VALUE}).")
    public String architecture = SmallCnn.NAME;

    @Option(names = "--epsilon", description = "L∞ radius of adversarial training, inputs in [0, 1] (default: ${DEFAULT-VALUE}).")
    public double epsilon = 0.1;

    @Option(names = "--epsilon-warmup", paramLabel = "EPOCHS", description = "Grow the training radius linearly "
            + "from 0 to --epsilon over these first epochs, fractions allowed (default: ${DEFAULT-VALUE}, none).")
    public double epsilonWarmupEpochs;

    @Option(names = "--attack-steps", description = "PGD steps per training batch (default: ${DEFAULT-VALUE}).")
    public int attackSteps = 7;

    @Option(names = "--eval-images", description = "Test images the PGD evaluation attacks (default: ${DEFAULT-VALUE}; clean accuracy uses all).")
    public int evalImages = 1000;

    @Option(names = "--eval-steps", description = "PGD steps of the evaluation (default: ${DEFAULT-VALUE}).")
    public int evalSteps = 50;

    @Option(names = "--eval-restarts", description = "Random starts per image in the evaluation (default: ${DEFAULT-VALUE}).")
    public int evalRestarts = 2;

    @Option(names = "--eval-epsilons", split = ",", description = "Radii of the evaluation (default: ${DEFAULT-VALUE}).")
    public double[] evalEpsilons = {0.1, 0.3};

    @Option(names = "--dp-epsilon", description = "Train with DP-SGD to this ε (the noise is chosen by the accountant).")
    public Double dpEpsilon;

    @Option(names = "--dp-delta", description = "The δ of DP-SGD's guarantee (default: ${DEFAULT-VALUE}).")
    public double dpDelta = 1e-5;

    @Option(names = "--clip-norm", description = "DP-SGD's per-example gradient clipping norm C (default: ${DEFAULT-VALUE}).")
    public double clipNorm = 1.0;

    @Option(names = "--dp-optimiser", paramLabel = "adam|sgd", description = "DP-SGD's update: Adam with a cosine "
            + "schedule, or SGD with momentum 0.9 at the constant --learning-rate (default: ${DEFAULT-VALUE}).")
    public String dpOptimiser = "adam";

    @Option(names = "--dp-epochs", description = "Passes of DP-SGD over the data, fractions allowed (default: --epochs, "
            + "else ${DEFAULT-VALUE}).")
    public Double dpEpochs;

    /** Whether DP-SGD was asked for. */
    public boolean privateRequested() {
        return dpEpsilon != null;
    }

    /** Trains the small CNN with DP-SGD to the asked ε, evaluates and saves it. */
    public int trainPrivate(TrainingOptions options, Path out, PrintWriter stdout) {
        if (adversarialRequested()) {
            throw new InvalidInputException("--dp-epsilon and --adversarial cannot be combined");
        }
        LabelledImages train = options.trainingImages();
        LabelledImages test = options.testImages();
        Training.Settings training = options.settings(new Training.Settings(2, 256, 2e-3f, 20261205L));
        if (dpEpochs != null && options.epochs != null) {
            throw new InvalidInputException("give --epochs or --dp-epochs, not both");
        }
        double epochs = dpEpochs != null ? dpEpochs : training.epochs();
        DpSgd.Optimiser optimiser = switch (dpOptimiser.toLowerCase(Locale.ROOT)) {
            case "adam" -> DpSgd.Optimiser.ADAM_COSINE;
            case "sgd" -> DpSgd.Optimiser.SGD_MOMENTUM;
            default -> throw new InvalidInputException("--dp-optimiser takes adam or sgd, got '" + dpOptimiser + "'");
        };
        DpSgd.Settings settings = new DpSgd.Settings(epochs, training.batchSize(), training.learningRate(),
                training.seed(), clipNorm, 0, dpDelta, optimiser).withEpsilon(dpEpsilon, train.count());
        long start = System.nanoTime();
        DpSgd.Result result;
        try (ProgressBars progress = new ProgressBars()) {
            NamedBlocks layers = Architectures.build(architecture);
            result = DpSgd.train(architecture, layers, ImageClassifierTraining.examples(train), settings, progress);
            try (BlockModel model = BlockModel.of(result.model(), layers, new ModelOptions(train.shape(),
                    FashionMnist.CLASS_NAMES, ModelOptions.DEFAULT_BATCH))) {
                double seconds = (System.nanoTime() - start) / 1e9;
                Map<String, Double> metrics = new TreeMap<>();
                metrics.put("trainSeconds", seconds);
                metrics.put("testAccuracy", Classification.accuracy(model, ImageRows.of(test), test.labels()));
                metrics.put("testImages", (double) test.count());
                metrics.put("dpEpsilon", result.spent().epsilon());
                metrics.put("dpDelta", dpDelta);
                metrics.put("dpRdpOrder", result.spent().order());
                metrics.put("dpNoiseMultiplier", settings.noiseMultiplier());
                metrics.put("dpClipNorm", clipNorm);
                metrics.put("dpSteps", (double) result.steps());
                String provenance = String.format(Locale.ROOT, "Fashion-MNIST (MIT licence), %d training images, "
                        + "DP-SGD (Poisson sampling q = %d/%d, clip %s, noise multiplier %.4f, %d steps): "
                        + "(%.3f, %s)-DP", train.count(), training.batchSize(), train.count(), clipNorm,
                        settings.noiseMultiplier(), result.steps(), result.spent().epsilon(), dpDelta);
                metrics.put("dpEpochs", epochs);
                metrics.put("dpSgdMomentum", optimiser == DpSgd.Optimiser.SGD_MOMENTUM ? 0.9 : 0.0);
                SavedModels.save(model, new ModelCard(architecture, model.inputShape().dims(),
                        FashionMnist.CLASS_NAMES, provenance, training.seed(), (int) Math.ceil(epochs), metrics), out);
                stdout.printf(Locale.ROOT, "trained %s with DP-SGD in %.0f s: test accuracy %.2f%% at (ε = %.3f, "
                        + "δ = %s); saved to %s%n", architecture, seconds, 100 * metrics.get("testAccuracy"),
                        result.spent().epsilon(), dpDelta, out);
            }
        }
        return 0;
    }

    /** Whether adversarial training was asked for. */
    public boolean adversarialRequested() {
        return adversarial != null;
    }

    /** Trains, evaluates and saves the adversarially trained demo CNN. */
    public int trainAdversarial(TrainingOptions options, Path out, PrintWriter stdout) {
        LabelledImages train = options.trainingImages();
        LabelledImages test = options.testImages();
        Training.Settings settings = options.settings(ImageClassifierTraining.defaults());
        Training.InputPerturbation recipe;
        try {
            if (!(epsilonWarmupEpochs >= 0 && epsilonWarmupEpochs <= settings.epochs())) {
                throw new IllegalArgumentException("--epsilon-warmup must be between 0 and the epochs ("
                        + settings.epochs() + "), got " + epsilonWarmupEpochs);
            }
            recipe = "none".equalsIgnoreCase(adversarial) ? Training.InputPerturbation.NONE
                    : AdversarialTraining.of(AdversarialTraining.Kind.parse(adversarial), epsilon, attackSteps, PIXELS)
                            .withWarmup((long) Math.ceil(epsilonWarmupEpochs * settings.batchesPerEpoch(train.count())));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
        String how = recipe == Training.InputPerturbation.NONE ? "clean images" : recipe.toString();
        PgdEvaluation evaluation = evaluation();
        long start = System.nanoTime();
        try (ProgressBars progress = new ProgressBars();
                BlockModel model = ImageClassifierTraining.train(architecture, Architectures.build(architecture), train,
                        FashionMnist.CLASS_NAMES, settings, recipe, progress)) {
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Double> metrics = new TreeMap<>();
            metrics.put("trainSeconds", seconds);
            String provenance = "Fashion-MNIST (MIT licence), " + train.count() + " training images, " + how;
            // saved before the long evaluation, then again with its figures
            SavedModels.save(model, new ModelCard(architecture, model.inputShape().dims(),
                    FashionMnist.CLASS_NAMES, provenance, settings.seed(), settings.epochs(), metrics), out);
            metrics.putAll(evaluate(model, test, evaluation, progress));
            SavedModels.save(model, new ModelCard(architecture, model.inputShape().dims(),
                    FashionMnist.CLASS_NAMES, provenance, settings.seed(), settings.epochs(), metrics), out);
            stdout.printf(Locale.ROOT, "trained %s on %s in %.0f s; saved to %s%n", architecture, how, seconds, out);
            print(metrics, stdout);
        }
        return 0;
    }

    /** The evaluation the options ask for. */
    public PgdEvaluation evaluation() {
        if (evalImages < 1) {
            throw new InvalidInputException("--eval-images must be at least 1, got " + evalImages);
        }
        try {
            return new PgdEvaluation(evalSteps, evalRestarts, PIXELS);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
    }

    /**
     * Clean accuracy on every test image and PGD-robust accuracy on the first {@code --eval-images}, as model-card
     * metrics.
     */
    public Map<String, Double> evaluate(BlockModel model, LabelledImages test, PgdEvaluation evaluation,
            ProgressBars progress) {
        Map<String, Double> metrics = new TreeMap<>();
        metrics.put("testAccuracy", Classification.accuracy(model, ImageRows.of(test), test.labels()));
        metrics.put("testImages", (double) test.count());
        LabelledImages attacked = test.slice(0, Math.min(evalImages, test.count()));
        RobustnessCurve curve = evaluation.evaluate(model, ImageRows.of(attacked), attacked.labels(), progress,
                evalEpsilons);
        metrics.put("robustEvalImages", (double) curve.samples());
        metrics.put("robustEvalPgdSteps", (double) evaluation.steps());
        metrics.put("robustEvalRestarts", (double) evaluation.restarts());
        metrics.put("robustEvalCleanAccuracy", curve.clean());
        for (int k = 0; k < curve.epsilons().length; k++) {
            metrics.put(String.format(Locale.ROOT, "pgdRobustAccuracyEps%.3f", curve.epsilons()[k]),
                    curve.robustAccuracy()[k]);
        }
        return metrics;
    }

    private static void print(Map<String, Double> metrics, PrintWriter stdout) {
        metrics.forEach((name, value) -> stdout.printf(Locale.ROOT, "  %s: %s%n", name,
                name.toLowerCase(Locale.ROOT).contains("accuracy") ? String.format(Locale.ROOT, "%.2f%%", 100 * value)
                        : String.format(Locale.ROOT, "%.0f", value)));
    }
}
