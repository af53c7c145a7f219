package dev.glassbox.cli.demo;

import dev.glassbox.cli.ProgressBars;
import dev.glassbox.cli.command.TextExplanations;
import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.explain.text.HeaderShare;
import dev.glassbox.core.explain.text.TextExplainer;
import dev.glassbox.core.input.LabelledTexts;
import dev.glassbox.core.input.SpamAssassin;
import dev.glassbox.core.metrics.Classification;
import dev.glassbox.core.model.Target;
import dev.glassbox.core.render.HtmlReport;
import dev.glassbox.core.model.ModelOptions;
import dev.glassbox.djl.text.TextClassifier;
import dev.glassbox.djl.text.TextMethods;
import dev.glassbox.djl.zoo.SavedModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The demo's text section: the bundled spam filter (trained by {@code glassbox train spam} on whole e-mails) and its
 * body-only contrast on the 300 bundled SpamAssassin test e-mails — accuracy and F1, the share of each method's
 * attribution that falls on the e-mail headers for both models, and two short e-mails highlighted word by word by
 * every method.
 */
public final class TextDemo {
    /** E-mails whose header shares the section measures (the first of the bundled ones). */
    public static final int SHARE_EMAILS = 20;
    /** Samples of LIME and Kernel SHAP in the demo, fewer than the defaults to keep it quick. */
    public static final int SAMPLES = 500;

    private TextDemo() {
    }

    /** Adds the text section to {@code report} and writes the highlighted e-mails' JSON files into {@code dir}. */
    public static void addTo(BundledDemo bundle, Path dir, HtmlReport report) throws IOException {
        addTo(bundle, dir, report, SHARE_EMAILS);
    }

    /** The same, measuring header shares on the first {@code shareEmails} bundled e-mails. */
    public static void addTo(BundledDemo bundle, Path dir, HtmlReport report, int shareEmails) throws IOException {
        Files.createDirectories(dir);
        LabelledTexts mails = bundle.spamMails();
        TextMethods.Settings settings = TextMethods.Settings.defaults().withSamples(SAMPLES, SAMPLES);
        try (TextClassifier whole = SavedModels.loadText(bundle.spamModelDir(), ModelOptions.DEFAULT_BATCH);
                TextClassifier body = SavedModels.loadText(bundle.spamBodyModelDir(), ModelOptions.DEFAULT_BATCH);
                ProgressBars progress = new ProgressBars()) {
            report.section("Text explanations: a spam filter");
            report.paragraph("A text CNN (token embeddings, a 1-D convolution over three-word windows, max pooling, a "
                    + "linear layer) trained in Java by glassbox train spam on the SpamAssassin public corpus (PDDL 1.0, "
                    + "contents CC0 1.0), shown on " + mails.count() + " of its held-out test e-mails. One model reads "
                    + "whole e-mails, headers included; the other only their bodies.");
            report.stats(List.of(stat("accuracy, whole e-mails", whole, mails, false),
                    stat("spam F1, whole e-mails", whole, mails, true), stat("accuracy, bodies only", body, mails, false),
                    stat("spam F1, bodies only", body, mails, true)));
            headerShares(whole, body, mails.texts().subList(0, shareEmails), settings, report);
            report.paragraph("Two short e-mails explained word by word (the predicted class, by the whole-e-mail model): "
                    + "every method attributes the logit of that class to each token, so red words are evidence for it "
                    + "and blue words against. Each attribution is also in text/ as JSON with the tokens' offsets.");
            new TextExplanations(whole, TextMethods.NAMES, settings).write(examples(mails), Target.PREDICTED, dir,
                    report, progress);
        }
    }

    private static String[] stat(String label, TextClassifier model, LabelledTexts mails, boolean f1) {
        float[][] scores = model.predict(mails.texts());
        double value = f1 ? Classification.f1(scores, mails.labels(), SpamAssassin.SPAM)
                : Classification.accuracy(scores, mails.labels());
        return new String[] {label, f1 ? String.format(Locale.ROOT, "%.3f", value)
                : String.format(Locale.ROOT, "%.1f%%", 100 * value)};
    }

    /** The mean share of each method's |attribution| on header tokens, for both models. */
    private static void headerShares(TextClassifier whole, TextClassifier body, List<String> texts,
            TextMethods.Settings settings, HtmlReport report) {
        List<HtmlReport.Row> rows = new ArrayList<>();
        double tokenShare = 0;
        for (String method : TextMethods.NAMES) {
            List<HeaderShare> wholeShares = shares(TextMethods.create(method, whole, settings), texts);
            List<HeaderShare> bodyShares = shares(TextMethods.create(method, body, settings), texts);
            tokenShare = wholeShares.stream().mapToDouble(HeaderShare::tokenShare).average().orElse(0);
            rows.add(new HtmlReport.Row(List.of(new HtmlReport.Text(method), percent(HeaderShare.meanShare(wholeShares)),
                    percent(HeaderShare.meanShare(bodyShares))), false));
        }
        report.paragraph(String.format(Locale.ROOT, "Where the evidence lies: the mean share of |attribution| on header "
                + "tokens over %d bundled test e-mails, whose headers hold %.0f%% of their tokens. The whole-e-mail model "
                + "leans on mail servers, addresses and dates; the body-only model cannot see them, and every method "
                + "but LIME (whose surrogate fits every word) gives them exactly nothing.", texts.size(),
                100 * tokenShare));
        report.table(List.of("method", "header share, whole e-mails", "header share, bodies only"), rows);
    }

    private static List<HeaderShare> shares(TextExplainer explainer, List<String> texts) {
        List<HeaderShare> out = new ArrayList<>(texts.size());
        for (String text : texts) {
            Attribution a = explainer.explain(text, Target.PREDICTED);
            out.add(HeaderShare.of(a));
        }
        return out;
    }

    private static HtmlReport.Cell percent(double share) {
        return new HtmlReport.Number(String.format(Locale.ROOT, "%.1f%%", 100 * share));
    }

    /** The shortest spam and the shortest ham e-mail among the bundled ones, by name. */
    private static Map<String, String> examples(LabelledTexts mails) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int label : new int[] {SpamAssassin.SPAM, 1 - SpamAssassin.SPAM}) {
            int shortest = -1;
            for (int i = 0; i < mails.count(); i++) {
                if (mails.labels()[i] == label && (shortest < 0
                        || mails.texts().get(i).length() < mails.texts().get(shortest).length())) {
                    shortest = i;
                }
            }
            out.put(SpamAssassin.CLASS_NAMES.get(label) + "-" + mails.ids().get(shortest).replace('/', '-') + ".txt",
                    mails.texts().get(shortest));
        }
        return out;
    }
}
