package dev.glassbox.cli;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.input.FashionMnist;
import dev.glassbox.core.input.LabelledImages;
import dev.glassbox.core.metrics.Classification;
import dev.glassbox.djl.BlockModel;
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
 * The options of {@code glassbox train fashion-mnist} that make a robust model: adversarial training (PGD or fast
 * FGSM) and the PGD evaluation of clean and robust accuracy written into the model card.
 */
final class RobustTraining {
    private static final InputBounds PIXELS = new InputBounds(0, 1);

    @Option(names = "--adversarial", paramLabel = "pgd|fast|none",
            description = "Adversarial training: pgd (Madry et al.) or fast (FGSM from a random start, Wong et al.); "
                    + "none trains on clean images and runs the same evaluation (a baseline).")
    String adversarial;

    @Option(names = "--architecture", paramLabel = "small-cnn|fashion-cnn",
            description = "The network of the robust or private model (default: ${DEFAULT-VALUE}).")
    String architecture = SmallCnn.NAME;

    @Option(names = "--epsilon", description = "L∞ radius of adversarial training, inputs in [0, 1] (default: ${DEFAULT-VALUE}).")
    double epsilon = 0.1;

    @Option(names = "--attack-steps", description = "PGD steps per training batch (default: ${DEFAULT-VALUE}).")
    int attackSteps = 7;

    @Option(names = "--eval-images", description = "Test images the PGD evaluation attacks (default: ${DEFAULT-VALUE}; clean accuracy uses all).")
    int evalImages = 1000;

    @Option(names = "--eval-steps", description = "PGD steps of the evaluation (default: ${DEFAULT-VALUE}).")
    int evalSteps = 50;

    @Option(names = "--eval-restarts", description = "Random starts per image in the evaluation (default: ${DEFAULT-VALUE}).")
    int evalRestarts = 2;

    @Option(names = "--eval-epsilons", split = ",", description = "Radii of the evaluation (default: ${DEFAULT-VALUE}).")
    double[] evalEpsilons = {0.1, 0.3};

    /** Whether adversarial training was asked for. */
    boolean adversarialRequested() {
        return adversarial != null;
    }

    /** Trains, evaluates and saves the adversarially trained demo CNN. */
    int trainAdversarial(TrainingOptions options, Path out, PrintWriter stdout) {
        Training.InputPerturbation recipe;
        try {
            recipe = "none".equalsIgnoreCase(adversarial) ? Training.InputPerturbation.NONE
                    : AdversarialTraining.of(AdversarialTraining.Kind.parse(adversarial), epsilon, attackSteps, PIXELS);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
        String how = recipe == Training.InputPerturbation.NONE ? "clean images" : recipe.toString();
        LabelledImages train = options.trainingImages();
        LabelledImages test = options.testImages();
        Training.Settings settings = options.settings(ImageClassifierTraining.defaults());
        PgdEvaluation evaluation = evaluation();
        long start = System.nanoTime();
        try (ProgressBars progress = new ProgressBars();
                BlockModel model = ImageClassifierTraining.train(architecture, Architectures.build(architecture), train,
                        FashionMnist.CLASS_NAMES, settings, recipe, progress)) {
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Double> metrics = new TreeMap<>();
            metrics.put("trainSeconds", seconds);
            metrics.putAll(evaluate(model, test, evaluation, progress));
            String provenance = "Fashion-MNIST (MIT licence), " + train.count() + " training images, " + how;
            SavedModels.save(model, new ModelCard(architecture, model.inputShape().dims(),
                    FashionMnist.CLASS_NAMES, provenance, settings.seed(), settings.epochs(), metrics), out);
            stdout.printf(Locale.ROOT, "trained %s on %s in %.0f s; saved to %s%n", architecture, how, seconds, out);
            print(metrics, stdout);
        }
        return 0;
    }

    /** The evaluation the options ask for. */
    PgdEvaluation evaluation() {
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
    Map<String, Double> evaluate(BlockModel model, LabelledImages test, PgdEvaluation evaluation,
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
