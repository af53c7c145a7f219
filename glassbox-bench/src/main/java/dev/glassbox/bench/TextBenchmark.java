package dev.glassbox.bench;

import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.explain.text.HeaderShare;
import dev.glassbox.core.explain.text.TextExplainer;
import dev.glassbox.core.input.LabelledTexts;
import dev.glassbox.core.input.SpamAssassin;
import dev.glassbox.core.model.Target;
import dev.glassbox.djl.model.Models;
import dev.glassbox.core.model.ModelOptions;
import dev.glassbox.djl.text.TextClassifier;
import dev.glassbox.djl.text.TextMethods;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Explains test e-mails of the SpamAssassin split with every text method and reports, per method: the seconds to
 * explain them all, the model evaluations the method asked for, the seconds the model itself takes for that many
 * evaluations of the same e-mails (texts in batches of 256 for perturbation methods, forward and backward passes over
 * the embeddings for gradient methods; timed right after each e-mail's explanation, so that both see the same load on
 * the machine), their ratio, and the mean share of |attribution| on header tokens next to the
 * header's share of the tokens; for Integrated Gradients also the median completeness delta relative to the change it
 * explains. Each method first explains three e-mails untimed.
 *
 * <p>Usage: {@code TextBenchmark [--data DIR] [--emails 100] [--methods occlusion,lime,kernel-shap,ig,ixg]
 * [--lime-samples 5000] [--shap-samples 0] MODEL_DIR...}
 */
public final class TextBenchmark {
    private static final int WARM_UP = 3;

    private TextBenchmark() {
    }

    public static void main(String[] args) {
        Path data = SpamAssassin.defaultDirectory();
        int emails = 100;
        List<String> methods = TextMethods.NAMES;
        TextMethods.Settings settings = TextMethods.Settings.defaults();
        int limeSamples = settings.limeSamples();
        int shapSamples = settings.shapSamples();
        List<Path> models = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]);
                case "--emails" -> emails = Integer.parseInt(args[++i]);
                case "--methods" -> methods = List.of(args[++i].split(","));
                case "--lime-samples" -> limeSamples = Integer.parseInt(args[++i]);
                case "--shap-samples" -> shapSamples = Integer.parseInt(args[++i]);
                default -> models.add(Path.of(args[i]));
            }
        }
        LabelledTexts test = SpamAssassin.test(data);
        List<String> texts = test.texts().subList(0, Math.min(emails, test.count()));
        for (Path dir : models) {
            try (TextClassifier model = Models.loadText(dir, ModelOptions.DEFAULT_BATCH)) {
                run(model, dir, texts, methods, settings.withSamples(limeSamples, shapSamples));
            }
        }
    }

    private static void run(TextClassifier model, Path dir, List<String> texts, List<String> methods,
            TextMethods.Settings settings) {
        System.out.printf(Locale.ROOT, "%s: %s%n%d test e-mails, %d processor(s)%n", dir.getFileName(), model,
                texts.size(), Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "%-12s %10s %12s %10s %8s %13s %13s%n", "method", "seconds", "evaluations",
                "model s", "ratio", "header share", "token share");
        for (String method : methods) {
            TextExplainer explainer = TextMethods.create(method, model, settings);
            boolean gradients = method.equals("ig") || method.equals("ixg");
            for (String text : texts.subList(0, Math.min(WARM_UP, texts.size()))) {
                explainer.explain(text, Target.PREDICTED);
            }
            List<Attribution> attributions = new ArrayList<>(texts.size());
            long explainNanos = 0;
            long modelNanos = 0;
            long evaluations = 0;
            for (String text : texts) {
                long start = System.nanoTime();
                Attribution a = explainer.explain(text, Target.PREDICTED);
                explainNanos += System.nanoTime() - start;
                int count = evaluations(a, method, settings);
                start = System.nanoTime();
                if (gradients) {
                    gradientPasses(model, text, count);
                } else {
                    predictions(model, text, count);
                }
                modelNanos += System.nanoTime() - start;
                evaluations += count;
                attributions.add(a);
            }
            List<HeaderShare> shares = attributions.stream().map(HeaderShare::of).toList();
            System.out.printf(Locale.ROOT, "%-12s %10.1f %12d %10.1f %8.2f %13.3f %13.3f%n", method, explainNanos / 1e9,
                    evaluations, modelNanos / 1e9, explainNanos / (double) modelNanos, HeaderShare.meanShare(shares),
                    shares.stream().mapToDouble(HeaderShare::tokenShare).average().orElse(0));
            if (method.equals("ig")) {
                System.out.printf(Locale.ROOT, "ig completeness: median |delta| / |f(x) - f(padding)| = %.2e%n",
                        medianRelativeDelta(attributions));
            }
        }
    }

    private static double medianRelativeDelta(List<Attribution> attributions) {
        double[] relative = attributions.stream().mapToDouble(a -> Math.abs(a.diagnostics().get("completenessDelta"))
                / Math.abs(a.diagnostics().get("score") - a.diagnostics().get("baselineScore"))).sorted().toArray();
        return relative[relative.length / 2];
    }

    /** Rows the method evaluated: perturbed texts as counted by the explainer, or points on the gradient path. */
    private static int evaluations(Attribution a, String method, TextMethods.Settings settings) {
        return switch (method) {
            case "ig" -> settings.steps();
            case "ixg" -> 1;
            default -> a.diagnostics().get("modelEvaluations").intValue();
        };
    }

    /** The model's own work for {@code count} evaluations of {@code text}: that many copies, in batches of 256. */
    private static void predictions(TextClassifier model, String text, int count) {
        for (int from = 0; from < count; from += 256) {
            model.predict(Collections.nCopies(Math.min(256, count - from), text));
        }
    }

    /** One forward and backward pass of the network over {@code count} copies of the embeddings of {@code text}. */
    private static void gradientPasses(TextClassifier model, String text, int count) {
        float[] embedding = model.network().activations(new float[][] {model.encoder().encode(text).row()},
                TextClassifier.EMBEDDING)[0];
        float[][] copies = new float[count][];
        Arrays.fill(copies, embedding);
        model.embeddingGradients().inputGradient(copies, Target.index(1));
    }
}
