package dev.glassbox.cli.report;

import dev.glassbox.core.faithfulness.FaithfulnessCheck;
import dev.glassbox.core.faithfulness.FaithfulnessResult;
import dev.glassbox.core.faithfulness.PerturbationCurves;
import dev.glassbox.core.render.HtmlReport;
import dev.glassbox.core.render.LineChart;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Shows a faithfulness check: a table of each method's deletion and insertion areas, infidelity and max-sensitivity
 * beside the random baseline's, the mean deletion and insertion curves as charts ({@code deletion.png},
 * {@code insertion.png}), and the numbers as JSON.
 */
public final class FaithfulnessSection {
    private FaithfulnessSection() {
    }

    /** Adds the section to {@code report}, writes the charts into {@code dir} and returns the JSON numbers. */
    public static Map<String, Object> write(FaithfulnessResult result, int inputs, HtmlReport report, Path dir)
            throws IOException {
        report.section("Faithfulness");
        report.paragraph("Does the map rank the pixels the model relies on first? Deletion removes pixels in the "
                + "map's order (set to 0) and follows the explained class's probability: a faithful map makes it "
                + "fall fast (low area). Insertion puts pixels back into a blurred input: it should rise fast (high "
                + "area). Infidelity (optimally scaled) is the mean squared error with which the map predicts the "
                + "effect of small Gaussian perturbations on the class's score (lower is better; the random map's "
                + "value is about the effects' own mean square, so the ratio to it is the share left unexplained); "
                + "max-sensitivity is how far the map moves under perturbations of at most 0.02 per pixel (lower is "
                + "steadier). 'random' is a map of random "
                + "values: a method worse than it on a measure tells nothing by that measure. Means over " + inputs
                + " input(s).");
        List<HtmlReport.Row> rows = new ArrayList<>();
        Map<String, Object> json = new LinkedHashMap<>();
        result.methods().forEach((method, scores) -> {
            rows.add(new HtmlReport.Row(List.of(new HtmlReport.Text(method), number(scores.deletionAuc()),
                    number(scores.insertionAuc()), number(scores.meanInfidelity()),
                    number(scores.meanMaxSensitivity())), method.equals(FaithfulnessCheck.RANDOM)));
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("deletionAuc", scores.deletionAuc());
            entry.put("insertionAuc", scores.insertionAuc());
            scores.meanInfidelity().ifPresent(v -> entry.put("infidelity", v));
            scores.meanMaxSensitivity().ifPresent(v -> entry.put("maxSensitivity", v));
            json.put(method, entry);
        });
        report.table(List.of("method", "deletion AUC ↓", "insertion AUC ↑", "infidelity ↓", "max-sensitivity ↓"),
                rows);
        for (PerturbationCurves.Kind kind : PerturbationCurves.Kind.values()) {
            String name = kind.name().toLowerCase(Locale.ROOT);
            byte[] png = chart(result, kind, name);
            Files.write(dir.resolve(name + ".png"), png);
            report.figure(png, name + " curves, mean over the inputs", 0);
        }
        return json;
    }

    private static byte[] chart(FaithfulnessResult result, PerturbationCurves.Kind kind, String name) {
        List<LineChart.Series> series = new ArrayList<>();
        result.methods().forEach((method, scores) -> {
            double[] fractions = (kind == PerturbationCurves.Kind.DELETION ? scores.deletion() : scores.insertion())
                    .get(0).fractions();
            series.add(new LineChart.Series(method, fractions, scores.meanCurve(kind),
                    method.equals(FaithfulnessCheck.RANDOM)));
        });
        return LineChart.png(Character.toUpperCase(name.charAt(0)) + name.substring(1), "share of pixels "
                + (kind == PerturbationCurves.Kind.DELETION ? "removed" : "inserted"),
                "probability (or score) of the class",
                0, 1, null, series);
    }

    private static HtmlReport.Cell number(double value) {
        return new HtmlReport.Number(String.format(Locale.ROOT, "%.4f", value));
    }

    private static HtmlReport.Cell number(OptionalDouble value) {
        return value.isPresent() ? number(value.getAsDouble()) : new HtmlReport.Text("—");
    }
}
