package dev.glassbox.core.output;

import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.explain.Diagnostic;
import dev.glassbox.core.explain.text.TokenGrouping;
import dev.glassbox.core.input.Sample;
import dev.glassbox.core.model.Shape;
import dev.glassbox.core.render.FeatureBars;
import dev.glassbox.core.render.Heatmap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Writes one attribution as the command line does: a JSON document ({@code <stem>.<method>.json}: the input's name,
 * method, target, shape, values, feature names, standard errors, tokens, parameters and diagnostics) and a picture
 * ({@code <stem>.<method>.png}): for a tabular row its features as bars, or as a waterfall from E[f(x)] to f(x) when
 * the method reports the expected value (Kernel SHAP, exact and sampled Shapley values); otherwise a heatmap of the
 * values mapped onto the input, drawn over the input when the two have the same height and width. Each file is
 * written to a temporary name beside it and then renamed, so a reader never sees half of one.
 */
public final class AttributionWriter {
    /** How to read the heatmaps, for captions. */
    public static final String COLOUR_KEY = "Red: evidence for the explained class, blue: against it (absolute maps: "
            + "light to dark red); colours saturate at the value holding 98% of the total |attribution|.";

    private static final int MAX_BARS = 20;

    private AttributionWriter() {
    }

    /**
     * The JSON document of an attribution.
     *
     * @param a the attribution
     * @param input the name of the explained input (a file name, a row key)
     * @param targetLabel the explained class's label, or {@code null}
     * @return pretty, byte-reproducible JSON (NaN written as the bare word)
     */
    public static String json(Attribution a, String input, String targetLabel) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("input", input);
        doc.put("method", a.method());
        doc.put("target", a.target());
        doc.put("targetLabel", targetLabel);
        doc.put("shape", a.shape().dims());
        doc.put("values", a.values());
        if (!a.featureNames().isEmpty()) {
            doc.put("featureNames", a.featureNames());
        }
        if (a.hasStandardErrors()) {
            doc.put("standardErrors", a.standardErrors());
        }
        if (a.grouping() instanceof TokenGrouping tokens) {
            doc.put("tokens", tokens.tokens());
        }
        doc.put("params", a.params());
        doc.put("diagnostics", a.diagnostics());
        return StableJson.toJsonAllowingSpecialFloats(doc);
    }

    /** The picture of an attribution of {@code input} in the default heatmap style; see the class comment. */
    public static byte[] png(Attribution a, Sample input) {
        return png(a, input, Heatmap.Style.of(a.inputValues()));
    }

    /**
     * The picture of an attribution of {@code input}; {@code style} sets the heatmap's colours, contrast and opacity
     * (tabular rows are drawn as bars and ignore it).
     */
    public static byte[] png(Attribution a, Sample input, Heatmap.Style style) {
        if (input.shape().rank() == 1) {
            List<String> names = a.featureNames();
            String title = a.method() + " of " + input.name();
            OptionalDouble expected = a.diagnostic(Diagnostic.EXPECTED_VALUE);
            return expected.isEmpty() ? FeatureBars.bars(names, a.values(), title, MAX_BARS)
                    : FeatureBars.waterfall(names, a.values(), expected.getAsDouble(), title, MAX_BARS);
        }
        Shape shape = a.grouping().inputShape();
        boolean overInput = shape.rank() >= 2 && input.shape().rank() >= 2
                && shape.dim(shape.rank() - 1) == input.shape().dim(input.shape().rank() - 1)
                && shape.dim(shape.rank() - 2) == input.shape().dim(input.shape().rank() - 2);
        return Heatmap.png(a.inputValues(), shape, overInput ? input.values() : null, style);
    }

    /** A small heatmap of the map alone, one pixel per value, for grids that compare many maps. */
    public static byte[] thumbnail(Attribution a) {
        return Heatmap.png(a.values(), a.shape(), null, Heatmap.Style.of(a.values()).withMinSide(1));
    }

    /**
     * Writes the JSON and the picture of an attribution of {@code input} into {@code dir} as
     * {@code <stem>.<method>.json} and {@code <stem>.<method>.png}.
     *
     * @return the picture's bytes, for a report
     */
    public static byte[] write(Path dir, String stem, Attribution a, Sample input, String targetLabel) {
        writeJson(dir, stem, a, input.name(), targetLabel);
        byte[] png = png(a, input);
        writeAtomically(dir.resolve(stem + "." + a.method() + ".png"), png);
        return png;
    }

    /** Writes the JSON of an attribution of the input named {@code input} into {@code dir} as {@code <stem>.<method>.json}. */
    public static void writeJson(Path dir, String stem, Attribution a, String input, String targetLabel) {
        writeAtomically(dir.resolve(stem + "." + a.method() + ".json"),
                json(a, input, targetLabel).getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code bytes} to a temporary file beside {@code file} and renames it into place. */
    public static void writeAtomically(Path file, byte[] bytes) {
        Path parent = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
            Path partial = Files.createTempFile(parent, "." + file.getFileName(), ".partial");
            try {
                Files.write(partial, bytes);
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
