package dev.glassbox.cli.command;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.Progress;
import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.explain.text.TextExplainer;
import dev.glassbox.core.input.TextFiles;
import dev.glassbox.core.math.Vectors;
import dev.glassbox.core.model.Target;
import dev.glassbox.core.output.AttributionWriter;
import dev.glassbox.core.render.HtmlReport;
import dev.glassbox.cli.report.TextSection;
import dev.glassbox.djl.text.TextClassifier;
import dev.glassbox.djl.text.TextMethods;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Explains texts with a text model's methods: for each text and method a JSON file (the attribution, the tokens with
 * their character offsets), and for each text a report section with the text highlighted by every method and its
 * strongest words. Used by {@code explain} for {@code .txt} inputs and by the demo.
 */
public final class TextExplanations {
    /** How many of each method's strongest words the report lists. */
    public static final int TOP_WORDS = 10;
    /**
     * The most tokens a text may have: 100,000 (about 600 KB of English). The model reads only its first few hundred,
     * and explaining costs time in proportion to the length, but every token is written to the JSON files and coloured
     * in the report, which a longer text would make too large to open.
     */
    public static final int MAX_TOKENS = 100_000;

    private final TextClassifier model;
    private final Map<String, TextExplainer> explainers = new LinkedHashMap<>();

    /** The named methods for {@code model}. */
    public TextExplanations(TextClassifier model, List<String> methods, TextMethods.Settings settings) {
        this.model = model;
        for (String method : methods) {
            explainers.put(method.trim(), TextMethods.create(method, model, settings));
        }
    }

    /**
     * The texts of {@code .txt} files by name, refusing other files with a clear message. Two files of the same name
     * in different folders are named by their paths as given, so that both are explained.
     */
    public static Map<String, String> read(List<Path> inputs) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Path input : inputs) {
            String name = input.getFileName().toString();
            if (!name.toLowerCase(Locale.ROOT).endsWith(".txt")) {
                throw new InvalidInputException("a text model explains .txt files; " + input + " is not one");
            }
            String key = texts.containsKey(name) ? input.toString() : name;
            for (int n = 2; texts.containsKey(key); n++) {
                key = input + " (" + n + ")";
            }
            texts.put(key, TextFiles.read(input));
        }
        return texts;
    }

    /** Refuses a text of more than {@link #MAX_TOKENS} tokens of the model's tokenizer, in one line. */
    public void requireWithinCap(Map<String, String> texts) {
        for (Map.Entry<String, String> text : texts.entrySet()) {
            int tokens = model.encoder().tokenizer().tokenize(text.getValue()).size();
            if (tokens > MAX_TOKENS) {
                throw new InvalidInputException(String.format(Locale.ROOT, "text %s has %,d tokens: glassbox explains "
                        + "texts of at most %,d tokens (the model reads the first %,d); cut it to the part to explain",
                        text.getKey(), tokens, MAX_TOKENS, model.encoder().settings().maxTokens()));
            }
        }
    }

    /** Explains each text (by name) with each method, writes the JSON files into {@code dir} and adds the sections. */
    public void write(Map<String, String> texts, Target target, Path dir, HtmlReport report, Progress progress)
            throws IOException {
        long total = (long) texts.size() * explainers.size();
        long done = 0;
        OutputStems stems = new OutputStems();
        for (Map.Entry<String, String> text : texts.entrySet()) {
            String stem = stems.next(Path.of(text.getKey()).getFileName().toString());
            double[] probabilities = Vectors.softmax(model.predict(List.of(text.getValue()))[0]);
            List<Attribution> attributions = new ArrayList<>();
            for (TextExplainer explainer : explainers.values()) {
                Attribution a = explainer.explain(text.getValue(), target);
                AttributionWriter.writeJson(dir, stem, a, text.getKey(), model.classNames().get(a.target()));
                attributions.add(a);
                progress.update("explaining", ++done, total);
            }
            int explained = attributions.get(0).target();
            TextSection.addTo(report, text.getKey(), model.classNames().get(explained), probabilities[explained],
                    attributions, TOP_WORDS);
        }
    }
}
