package dev.glassbox.spark.table;

import dev.glassbox.core.render.BeeswarmPlot;
import dev.glassbox.core.render.DependencePlot;
import dev.glassbox.core.render.FeatureBars;
import dev.glassbox.core.render.HtmlReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes the summary of many explanations into a folder: {@code importance.csv} and {@code importance.png} (mean
 * |attribution| per feature with its spread), {@code beeswarm.png/.svg}, one {@code dependence-FEATURE.png/.svg} for
 * each of the most important features, and {@code summary.html} showing them all (pictures embedded).
 */
public final class SummaryReport {
    /** Features shown in the beeswarm. */
    public static final int BEESWARM_FEATURES = 20;
    /** Features that get a dependence plot. */
    public static final int DEPENDENCE_PLOTS = 3;

    private SummaryReport() {
    }

    /**
     * Writes the summary.
     *
     * @param importance global importance over every explained row
     * @param sampleAttributions the sampled rows' attributions ({@link SummarySample})
     * @param sampleValues the sampled rows' feature values
     * @param failed how many rows could not be explained
     * @param description the model, method and input, for the report's subtitle
     */
    public static void write(Path folder, ImportanceSummary importance, float[][] sampleAttributions,
            float[][] sampleValues, long failed, String description) {
        List<String> names = importance.features();
        int[] order = importance.order();
        try {
            StringBuilder csv = new StringBuilder("feature,mean_abs,std_abs,mean\n");
            for (int j : order) {
                csv.append(CsvCells.quote(names.get(j))).append(',').append(importance.meanAbs()[j]).append(',')
                        .append(importance.stdAbs()[j]).append(',').append(importance.mean()[j]).append('\n');
            }
            Files.writeString(folder.resolve("importance.csv"), csv);
            HtmlReport report = new HtmlReport("glassbox explain-table", description);
            report.section("Summary").stats(List.of(
                    new String[] {"rows explained", String.format(Locale.ROOT, "%,d", importance.rows())},
                    new String[] {"rows with errors", String.format(Locale.ROOT, "%,d", failed)},
                    new String[] {"rows in the plots", String.format(Locale.ROOT, "%,d", sampleAttributions.length)}));
            float[] meanAbs = new float[names.size()];
            for (int j = 0; j < meanAbs.length; j++) {
                meanAbs[j] = (float) importance.meanAbs()[j];
            }
            byte[] bars = FeatureBars.bars(names, meanAbs, "Global importance: mean |attribution|", BEESWARM_FEATURES);
            Files.write(folder.resolve("importance.png"), bars);
            report.section("Global importance").figure(bars, "mean |attribution| per feature", 640);
            List<HtmlReport.Row> rows = new ArrayList<>();
            for (int j : order) {
                rows.add(new HtmlReport.Row(List.of(new HtmlReport.Text(names.get(j)),
                        number(importance.meanAbs()[j]), number(importance.stdAbs()[j]), number(importance.mean()[j])),
                        false));
            }
            report.table(List.of("feature", "mean |attribution|", "spread (std of |attribution|)", "mean attribution"),
                    rows);
            if (sampleAttributions.length > 0) {
                BeeswarmPlot beeswarm = new BeeswarmPlot(names, sampleAttributions, sampleValues,
                        java.util.Arrays.copyOf(order, Math.min(BEESWARM_FEATURES, order.length)),
                        "Attributions of " + sampleAttributions.length + " rows");
                byte[] png = beeswarm.png();
                Files.write(folder.resolve("beeswarm.png"), png);
                Files.writeString(folder.resolve("beeswarm.svg"), beeswarm.svg());
                report.section("Beeswarm").paragraph("Each dot is one row's attribution to the feature, coloured by the "
                        + "feature's value (blue low, red high).").figure(png, "beeswarm summary", 760);
                report.section("Dependence");
                for (int r = 0; r < Math.min(DEPENDENCE_PLOTS, order.length); r++) {
                    int j = order[r];
                    DependencePlot plot = new DependencePlot(names.get(j), column(sampleValues, j),
                            column(sampleAttributions, j));
                    String stem = "dependence-" + (r + 1);
                    byte[] dependence = plot.png();
                    Files.write(folder.resolve(stem + ".png"), dependence);
                    Files.writeString(folder.resolve(stem + ".svg"), plot.svg());
                    report.figure(dependence, names.get(j), 520);
                }
            }
            Files.writeString(folder.resolve("summary.html"), report.render());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the summary into " + folder, e);
        }
    }

    private static HtmlReport.Number number(double value) {
        return new HtmlReport.Number(String.format(Locale.ROOT, "%.4g", value));
    }

    private static float[] column(float[][] rows, int j) {
        float[] out = new float[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[i][j];
        }
        return out;
    }
}
