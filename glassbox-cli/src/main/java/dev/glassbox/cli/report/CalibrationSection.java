package dev.glassbox.cli.report;

import dev.glassbox.core.render.ConfidenceHistogram;
import dev.glassbox.core.render.HtmlReport;
import dev.glassbox.core.render.ReliabilityDiagram;
import dev.glassbox.core.uncertainty.Binning;
import dev.glassbox.core.uncertainty.CalibrationError;
import dev.glassbox.core.uncertainty.CalibrationMetrics;
import dev.glassbox.core.uncertainty.LogitCalibrator;
import dev.glassbox.core.uncertainty.Probabilities;
import dev.glassbox.core.uncertainty.ReliabilityBins;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * A report section on calibration from a model's logits and the true labels: headline numbers, a table of
 * {@link CalibrationMetrics} with {@link CalibrationError#DEFAULT_BINS} bins, and a reliability diagram with a
 * confidence histogram; given a calibrator, a second column and a second pair of charts after calibration. Fit the
 * calibrator on validation data other than the samples shown, or the "after" column flatters it.
 */
public final class CalibrationSection {
    private static final List<Metric> METRICS = List.of(
            new Metric("accuracy", CalibrationMetrics::accuracy, true),
            new Metric("ECE", CalibrationMetrics::ece, true),
            new Metric("adaptive ECE", CalibrationMetrics::adaptiveEce, true),
            new Metric("MCE", CalibrationMetrics::mce, true),
            new Metric("classwise ECE", CalibrationMetrics::classwiseEce, true),
            new Metric("NLL (nats)", CalibrationMetrics::nll, false),
            new Metric("Brier score", CalibrationMetrics::brier, false));

    private CalibrationSection() {
    }

    /** Adds the section for the softmax of {@code logits}. */
    public static HtmlReport addTo(HtmlReport report, float[][] logits, int[] labels) {
        return add(report, labels, List.of(Column.of("model", Probabilities.softmax(logits), labels)));
    }

    /** Adds the section for the softmax of {@code logits}, and for the same logits after {@code calibrator}. */
    public static HtmlReport addTo(HtmlReport report, float[][] logits, int[] labels, LogitCalibrator calibrator) {
        return add(report, labels, List.of(Column.of("model", Probabilities.softmax(logits), labels),
                Column.of("after " + calibrator.description(), calibrator.probabilities(logits), labels)));
    }

    private static HtmlReport add(HtmlReport report, int[] labels, List<Column> columns) {
        CalibrationMetrics model = columns.get(0).metrics();
        report.section("Calibration").paragraph(String.format(Locale.ROOT, "Can the model's confidence be taken at "
                + "its word? Among predictions made with confidence c, a calibrated model is right a fraction c of the "
                + "time. ECE is the gap between confidence and accuracy averaged over %d equal-width confidence bins, "
                + "weighted by the share of predictions in each (adaptive ECE: equal-mass bins; MCE: the largest "
                + "gap); NLL and the Brier score judge the whole predicted distribution. Lower is better for all but "
                + "accuracy. %d labelled samples.", model.bins(), labels.length));
        report.stats(List.of(new String[] {"accuracy", format(model.accuracy(), true)},
                new String[] {"ECE", format(model.ece(), true)},
                new String[] {"NLL", format(model.nll(), false)}));
        List<String> headers = new ArrayList<>(List.of("metric"));
        columns.forEach(column -> headers.add(column.name()));
        List<HtmlReport.Row> rows = new ArrayList<>();
        for (Metric metric : METRICS) {
            List<HtmlReport.Cell> cells = new ArrayList<>(List.of(new HtmlReport.Text(metric.name())));
            for (Column column : columns) {
                cells.add(new HtmlReport.Number(format(metric.value().applyAsDouble(column.metrics()),
                        metric.percent())));
            }
            rows.add(new HtmlReport.Row(cells, false));
        }
        report.table(headers, rows);
        for (Column column : columns) {
            report.figure(ReliabilityDiagram.png(column.bins(), "Reliability: " + column.name()),
                    "reliability diagram, " + column.name(), HtmlReport.CHART_WIDTH);
            report.figure(ConfidenceHistogram.png(column.bins(), "Confidence: " + column.name()),
                    "confidence histogram, " + column.name(), HtmlReport.CHART_WIDTH);
        }
        return report;
    }

    private static String format(double value, boolean percent) {
        return percent ? String.format(Locale.ROOT, "%.2f%%", 100 * value) : String.format(Locale.ROOT, "%.4f", value);
    }

    /** A row of the metrics table. */
    private record Metric(String name, ToDoubleFunction<CalibrationMetrics> value, boolean percent) {
    }

    /** One set of predictions shown: its name, metrics and top-label reliability bins. */
    private record Column(String name, CalibrationMetrics metrics, ReliabilityBins bins) {
        static Column of(String name, double[][] probabilities, int[] labels) {
            return new Column(name, CalibrationMetrics.of(probabilities, labels), CalibrationError.reliability(
                    probabilities, labels, CalibrationError.DEFAULT_BINS, Binning.EQUAL_WIDTH));
        }
    }
}
