package dev.glassbox.cli;

import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.explain.text.TokenGrouping;
import dev.glassbox.core.input.Sample;
import dev.glassbox.core.model.Shape;
import dev.glassbox.core.render.FeatureBars;
import dev.glassbox.core.render.Heatmap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one attribution as {@code <stem>.<method>.json} and, for tensors, {@code <stem>.<method>.png}. The JSON of an
 * attribution over the tokens of a text also lists the tokens with their character offsets.
 */
final class AttributionFiles {
    /** How to read the heatmaps, for report captions. */
    static final String COLOUR_KEY = "Red: evidence for the explained class, blue: against it (absolute maps: light to "
            + "dark red); colours saturate at the value holding 98% of the total |attribution|.";

    

    private AttributionFiles() {
    }

    /**
     * A file-name stem for an input: its file name without extension, {@code #i} becoming {@code -i}. Letters and
     * digits of every script stay as they are ({@code 图像.npy} gives {@code 图像}); any other character but {@code . _ -}
     * becomes {@code _}. Unique within a run only through {@link OutputStems}.
     */
    static String stem(String input) {
        String stem = input.replaceFirst("\\.[A-Za-z0-9]+(?=#|$)", "").replace('#', '-')
                .replaceAll("[^\\p{L}\\p{M}\\p{N}._-]", "_");
        return stem.isEmpty() || stem.chars().allMatch(c -> c == '.') ? "input" + stem.replace('.', '_') : stem;
    }

    /** The JSON document of an attribution of {@code input}, named by its file. */
    static String json(Attribution a, String input, String targetLabel) {
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

    /**
     * The picture of an attribution: for a tabular row, its features as bars (a waterfall from E[f] to f(x) when the
     * method reports the expected value, as Kernel SHAP); otherwise a heatmap of the values mapped onto the input,
     * drawn over the input when it has the input's height and width.
     */
    static byte[] png(Attribution a, Sample input) {
        if (input.shape().rank() == 1) {
            List<String> names = a.featureNames();
            String title = a.method() + " of " + input.name();
            Double expected = a.diagnostics().get("expectedValue");
            return expected == null ? FeatureBars.bars(names, a.values(), title, 20)
                    : FeatureBars.waterfall(names, a.values(), expected, title, 20);
        }
        Shape shape = a.grouping().inputShape();
        boolean overInput = shape.rank() >= 2 && input.shape().rank() >= 2
                && shape.dim(shape.rank() - 1) == input.shape().dim(input.shape().rank() - 1)
                && shape.dim(shape.rank() - 2) == input.shape().dim(input.shape().rank() - 2);
        float[] values = a.inputValues();
        return Heatmap.png(values, shape, overInput ? input.values() : null, Heatmap.Sign.of(values),
                Heatmap.DEFAULT_OUTLIER_PERCENT);
    }

    /** A small heatmap of the map alone, one pixel per value, for grids that compare many maps. */
    static byte[] thumbnail(Attribution a) {
        return Heatmap.png(a.values(), a.shape(), null, Heatmap.Sign.of(a.values()),
                Heatmap.DEFAULT_OUTLIER_PERCENT, 1);
    }

    /** Writes both files into {@code dir} as {@code <stem>.<method>.*} and returns the PNG's bytes. */
    static byte[] write(Path dir, String stem, Attribution a, Sample input, String targetLabel) throws IOException {
        writeJson(dir, stem, a, input.name(), targetLabel);
        byte[] png = png(a, input);
        Files.write(dir.resolve(stem + "." + a.method() + ".png"), png);
        return png;
    }

    /** Writes the JSON file of an attribution of {@code input} into {@code dir} as {@code <stem>.<method>.json}. */
    static void writeJson(Path dir, String stem, Attribution a, String input, String targetLabel) throws IOException {
        Files.writeString(dir.resolve(stem + "." + a.method() + ".json"), json(a, input, targetLabel));
    }
}
