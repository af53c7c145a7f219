package dev.glassbox.cli.report;

import dev.glassbox.cli.option.InputArguments;
import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.explain.Explainer;
import dev.glassbox.core.input.Sample;
import dev.glassbox.core.metrics.SimilarityMetric;
import dev.glassbox.core.output.AttributionWriter;
import dev.glassbox.core.render.HtmlReport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The data-randomisation test (Adebayo et al. 2018): each method's maps of the model compared with its maps of the
 * same architecture trained on permuted labels, which can only have memorised. Maps that stay alike do not depend on
 * what the model learnt from its labels. A table with the first input's two maps and the mean similarity under every
 * metric, and the numbers as JSON.
 */
public final class DataRandomisationSection {
    private static final int CELL = 64;

    private DataRandomisationSection() {
    }

    /**
     * Explains {@code targets} of the inputs with both sets of explainers (same method names), adds the section and
     * returns the JSON numbers.
     */
    public static Map<String, Object> write(Map<String, Explainer> model, Map<String, Explainer> permuted,
            String permutedName, List<Sample> samples, int[] targets, HtmlReport report) {
        float[][] rows = InputArguments.rows(samples);
        report.section("Data randomisation");
        report.paragraph("Maps of the model beside maps of " + permutedName + ", the same architecture trained on "
                + "permuted labels, for the same classes; similarity means over " + samples.size() + " input(s). "
                + "High similarity means the map does not depend on what the labels taught the model.");
        List<String> headers = new ArrayList<>(List.of("method", "model", "permuted labels"));
        Arrays.stream(SimilarityMetric.values()).forEach(metric -> headers.add(metric.cliName()));
        List<HtmlReport.Row> table = new ArrayList<>();
        Map<String, Object> json = new LinkedHashMap<>();
        model.forEach((method, explainer) -> {
            List<Attribution> real = explainer.explain(rows, targets);
            List<Attribution> memorised = permuted.get(method).explain(rows, targets);
            List<HtmlReport.Cell> cells = new ArrayList<>(List.of(new HtmlReport.Text(method),
                    new HtmlReport.Picture(AttributionWriter.thumbnail(real.get(0)), method, CELL),
                    new HtmlReport.Picture(AttributionWriter.thumbnail(memorised.get(0)), method, CELL)));
            Map<String, Object> byMetric = new LinkedHashMap<>();
            for (SimilarityMetric metric : SimilarityMetric.values()) {
                double[] each = metric.each(real, memorised);
                double mean = Arrays.stream(each).average().orElseThrow();
                cells.add(new HtmlReport.Number(String.format(Locale.ROOT, "%.3f", mean)));
                byMetric.put(metric.cliName(), Map.of("mean", mean, "perInput", each));
            }
            table.add(new HtmlReport.Row(cells, false));
            json.put(method, byMetric);
        });
        report.table(headers, table);
        return Map.of("permutedModel", permutedName, "similarity", json);
    }
}
