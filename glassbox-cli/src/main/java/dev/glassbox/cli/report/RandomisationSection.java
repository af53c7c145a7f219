package dev.glassbox.cli.report;

import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.input.Sample;
import dev.glassbox.core.metrics.SimilarityMetric;
import dev.glassbox.core.output.AttributionWriter;
import dev.glassbox.core.render.HtmlReport;
import dev.glassbox.core.render.LineChart;
import dev.glassbox.djl.sanity.RandomisationCheck;
import dev.glassbox.djl.sanity.RandomisationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Shows a model-parameter randomisation check: for the first inputs a grid of heatmaps (rows: methods, then the
 * input's Sobel edges; columns: the original model, then each step), one chart per similarity metric
 * ({@code similarity-<metric>.png}), tables of the similarities after the last step and to the edge maps, and the
 * numbers as JSON.
 */
public final class RandomisationSection {
    /** How many inputs get a grid of heatmaps. */
    public static final int SHOWN = 4;
    private static final int CELL = 64;

    private RandomisationSection() {
    }

    /** Adds the section to {@code report}, writes the charts into {@code dir} and returns the JSON numbers. */
    public static Map<String, Object> write(RandomisationResult result, List<Sample> samples, List<String> classNames,
            HtmlReport report, Path dir) throws IOException {
        boolean cascading = result.mode() == RandomisationCheck.Mode.CASCADING;
        List<String> columns = columns(result);
        report.section("Model-parameter randomisation");
        report.paragraph(String.format(Locale.ROOT, "Can the explanation see the model? Each column re-draws the "
                + "weights of %s (seed %d) and recomputes every map for the class the original model was explained "
                + "for (Adebayo et al. 2018). A method whose maps survive the destruction of the model shows the "
                + "input, not what the model learnt; its maps should fall apart as more layers are randomised. The "
                + "last row is the input's Sobel edge map, which no model made. The predicted class of the randomised model "
                + "still agrees with the original on %.0f%% of the inputs after the last step.",
                cascading ? "every layer from the top down to the one named (cascading)" : "only the layer named "
                        + "(independent)", result.seed(), 100 * result.agreement()[result.steps() - 1]));
        for (int i = 0; i < Math.min(SHOWN, samples.size()); i++) {
            grid(result, samples.get(i), i, classNames, columns, report);
        }
        for (SimilarityMetric metric : metrics(result)) {
            byte[] png = chart(result, metric, cascading);
            Files.write(dir.resolve("similarity-" + metric.cliName() + ".png"), png);
            report.figure(png, metric.description(), 0);
        }
        report.paragraph("Similarity to the original map after the last step (1: unchanged; near 0: unrelated), "
                + "and, in the second table, of each method's original map to the input's edge map. "
                + "Means over the inputs.");
        report.table(headers(result), rows(result, result.steps() - 1, false));
        report.table(headers(result), rows(result, 0, true));
        return json(result, columns);
    }

    /** "original", then each step's layer. */
    public static List<String> columns(RandomisationResult result) {
        List<String> out = new ArrayList<>(List.of("original"));
        out.addAll(result.layers());
        return out;
    }

    private static List<SimilarityMetric> metrics(RandomisationResult result) {
        return List.copyOf(result.similarity().get(result.methods().get(0)).keySet());
    }

    private static void grid(RandomisationResult result, Sample sample, int input, List<String> classNames,
            List<String> columns, HtmlReport report) {
        List<String> headers = new ArrayList<>(List.of("method"));
        headers.addAll(columns);
        List<HtmlReport.Row> rows = new ArrayList<>();
        for (String method : result.methods()) {
            List<HtmlReport.Cell> cells = new ArrayList<>(List.of(new HtmlReport.Text(method)));
            for (List<Attribution> step : result.maps().get(method)) {
                cells.add(new HtmlReport.Picture(AttributionWriter.thumbnail(step.get(input)), method, CELL));
            }
            rows.add(new HtmlReport.Row(cells, false));
        }
        List<HtmlReport.Cell> edges = new ArrayList<>(List.of(new HtmlReport.Text("edges (Sobel); input"),
                new HtmlReport.Picture(AttributionWriter.thumbnail(result.edges().get(input)), "edges", CELL)));
        edges.add(AttributionGrid.picture(sample, CELL));
        while (edges.size() < headers.size()) {
            edges.add(new HtmlReport.Text(""));
        }
        rows.add(new HtmlReport.Row(edges, false));
        report.paragraph(sample.name() + ", explained class: " + classNames.get(result.targets()[input]) + ".");
        report.table(headers, rows);
    }

    private static byte[] chart(RandomisationResult result, SimilarityMetric metric, boolean cascading) {
        List<LineChart.Series> series = new ArrayList<>();
        double low = 0;
        for (String method : result.methods()) {
            double[] means = new double[result.steps()];
            for (int s = 0; s < means.length; s++) {
                means[s] = result.meanSimilarity(method, metric, s);
                low = Math.min(low, means[s]);
            }
            series.add(LineChart.Series.overSteps(method, means, false));
        }
        return LineChart.png(metric.cliName() + (cascading ? ", cascading" : ", independent"),
                "", "similarity to the original map", low >= 0 ? 0 : low >= -0.25 ? -0.25 : low >= -0.5 ? -0.5 : -1, 1,
                columns(result), series);
    }

    private static List<String> headers(RandomisationResult result) {
        List<String> out = new ArrayList<>(List.of("method"));
        metrics(result).forEach(metric -> out.add(metric.cliName()));
        return out;
    }

    private static List<HtmlReport.Row> rows(RandomisationResult result, int step, boolean toEdges) {
        List<HtmlReport.Row> rows = new ArrayList<>();
        for (String method : result.methods()) {
            List<HtmlReport.Cell> cells = new ArrayList<>(List.of(new HtmlReport.Text(
                    toEdges ? method + " vs edges" : method + " after " + result.layers().get(step - 1))));
            for (SimilarityMetric metric : metrics(result)) {
                double value = toEdges ? result.meanEdgeSimilarity(method, metric)
                        : result.meanSimilarity(method, metric, step);
                cells.add(new HtmlReport.Number(String.format(Locale.ROOT, "%.3f", value)));
            }
            rows.add(new HtmlReport.Row(cells, false));
        }
        return rows;
    }

    private static Map<String, Object> json(RandomisationResult result, List<String> columns) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("mode", result.mode().name().toLowerCase(Locale.ROOT));
        out.put("seed", result.seed());
        out.put("steps", columns);
        out.put("targets", result.targets());
        out.put("agreement", result.agreement());
        Map<String, Object> similarity = new LinkedHashMap<>();
        Map<String, Object> edges = new LinkedHashMap<>();
        for (String method : result.methods()) {
            Map<String, Object> byMetric = new LinkedHashMap<>();
            Map<String, Object> toEdges = new LinkedHashMap<>();
            for (SimilarityMetric metric : metrics(result)) {
                double[] means = new double[result.steps()];
                for (int s = 0; s < means.length; s++) {
                    means[s] = result.meanSimilarity(method, metric, s);
                }
                byMetric.put(metric.cliName(), Map.of("mean", means,
                        "perInput", result.similarity().get(method).get(metric)));
                toEdges.put(metric.cliName(), Map.of("mean", result.meanEdgeSimilarity(method, metric),
                        "perInput", result.edgeSimilarity().get(method).get(metric)));
            }
            similarity.put(method, byMetric);
            edges.put(method, toEdges);
        }
        out.put("similarity", similarity);
        out.put("edgeSimilarity", edges);
        return out;
    }
}
