package dev.glassbox.cli.report;

import dev.glassbox.core.render.ConfidenceHistogram;
import dev.glassbox.core.render.HtmlReport;
import dev.glassbox.core.render.ReliabilityDiagram;
import dev.glassbox.core.uncertainty.Binning;
import dev.glassbox.core.uncertainty.CalibrationError;
import dev.glassbox.core.uncertainty.CalibrationMetrics;
import dev.glassbox.core.uncertainty.EntropyDecomposition;
import dev.glassbox.core.uncertainty.OodEvaluation;
import dev.glassbox.core.uncertainty.Probabilities;
import dev.glassbox.core.uncertainty.ReliabilityBins;
import dev.glassbox.core.uncertainty.StochasticPredictions;
import dev.glassbox.core.uncertainty.TemperatureScaling;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * What an uncertainty run shows, built up three ways at once: report sections, numbers for {@code metrics.json}, and
 * the plots as PNG files (reliability diagrams and confidence histograms drawn by the core renderers).
 */
public final class UncertaintyReport {
    private static final List<Metric> COMPARED = List.of(new Metric("accuracy", CalibrationMetrics::accuracy, true),
            new Metric("ECE", CalibrationMetrics::ece, true), new Metric("NLL (nats)", CalibrationMetrics::nll, false),
            new Metric("Brier score", CalibrationMetrics::brier, false));

    /** The width, in CSS pixels, at which plots are shown: their own. */
    private static final int FIGURE_WIDTH = 480;

    private final HtmlReport report;
    private final Map<String, Object> metrics = new LinkedHashMap<>();
    private final Map<String, byte[]> pictures = new LinkedHashMap<>();

    public UncertaintyReport(HtmlReport report) {
        this.report = report;
    }

    /** The numbers gathered so far, for {@code metrics.json}. */
    public Map<String, Object> metrics() {
        return metrics;
    }

    /** The plots drawn so far, by file name. */
    public Map<String, byte[]> pictures() {
        return pictures;
    }

    /** Records one number or nested object under {@code key}. */
    public void put(String key, Object value) {
        metrics.put(key, value);
    }

    /**
     * Temperature scaling fitted on {@code fitLogits} and shown, before and after, on other samples: the core
     * calibration section, the fitted temperature and both sets of metrics.
     */
    public TemperatureScaling temperature(float[][] fitLogits, int[] fitLabels, float[][] logits, int[] labels) {
        TemperatureScaling scaling = TemperatureScaling.fit(fitLogits, fitLabels);
        report.paragraph(String.format(Locale.ROOT, "Temperature scaling fitted on %d labelled samples (T = %.3f) and "
                + "measured on %d others.", fitLabels.length, scaling.temperature(), labels.length));
        CalibrationSection.addTo(report, logits, labels, scaling);
        double[][] before = Probabilities.softmax(logits);
        double[][] after = scaling.probabilities(logits);
        metrics.put("temperature", scaling.temperature());
        metrics.put("fitSamples", fitLabels.length);
        metrics.put("evaluationSamples", labels.length);
        metrics.put("before", CalibrationMetrics.of(before, labels));
        metrics.put("after", CalibrationMetrics.of(after, labels));
        draw("before", before, labels);
        draw("after", after, labels);
        return scaling;
    }

    /**
     * A stochastic method's predictive distribution (the mean over its members): the entropy decomposition and,
     * given labels, its calibration against the single deterministic prediction, with reliability plots.
     */
    public void stochastic(String method, StochasticPredictions predictions, double[][] single, int[] labels) {
        EntropyDecomposition decomposition = EntropyDecomposition.of(predictions);
        report.section("Uncertainty: " + method);
        report.paragraph(String.format(Locale.ROOT, "%d stochastic predictions of each of %d samples. The predictive "
                + "entropy of their mean splits into the members' mean entropy (aleatoric: noise every member sees) and "
                + "the mutual information between prediction and model (epistemic: how much the members disagree), "
                + "in nats.", predictions.members(), predictions.samples()));
        report.stats(List.of(
                new String[] {"predictive entropy", format(decomposition.meanPredictiveEntropy(), false)},
                new String[] {"aleatoric (expected entropy)", format(decomposition.meanExpectedEntropy(), false)},
                new String[] {"epistemic (mutual information)", format(decomposition.meanMutualInformation(), false)}));
        Map<String, Object> entropy = new LinkedHashMap<>();
        entropy.put("meanPredictiveEntropy", decomposition.meanPredictiveEntropy());
        entropy.put("meanExpectedEntropy", decomposition.meanExpectedEntropy());
        entropy.put("meanMutualInformation", decomposition.meanMutualInformation());
        metrics.put("members", predictions.members());
        metrics.put("entropy", entropy);
        if (labels == null) {
            return;
        }
        double[][] mean = predictions.mean();
        CalibrationMetrics deterministic = CalibrationMetrics.of(single, labels);
        CalibrationMetrics sampled = CalibrationMetrics.of(mean, labels);
        metrics.put("single", deterministic);
        metrics.put("mean", sampled);
        List<HtmlReport.Row> rows = new ArrayList<>();
        for (Metric metric : COMPARED) {
            rows.add(new HtmlReport.Row(List.of(new HtmlReport.Text(metric.name()),
                    new HtmlReport.Number(format(metric.value().applyAsDouble(deterministic), metric.percent())),
                    new HtmlReport.Number(format(metric.value().applyAsDouble(sampled), metric.percent()))), false));
        }
        report.table(List.of("metric", "single prediction", "mean of " + predictions.members()), rows);
        byte[][] plots = draw("mean", mean, labels);
        report.figure(plots[0], "reliability diagram, mean of " + method, FIGURE_WIDTH);
        report.figure(plots[1], "confidence histogram, mean of " + method, FIGURE_WIDTH);
    }

    /**
     * Out-of-distribution detection: per set and score, AUROC, AUPRC and FPR at 95% TPR of the in-distribution
     * scores against the set's, as a table of AUROCs.
     */
    public void ood(Map<String, double[]> inDistribution, Map<String, Map<String, double[]>> outOfDistribution) {
        report.section("Out-of-distribution detection");
        report.paragraph("How well each score (higher = more likely out of distribution) tells the in-distribution "
                + "samples from each other set: AUROC, 1 for perfect separation, 0.5 for chance. metrics.json also "
                + "has the AUPRC (out-of-distribution samples positive) and the false-positive rate at 95% "
                + "true-positive rate.");
        List<String> headers = new ArrayList<>(List.of("set", "samples"));
        headers.addAll(inDistribution.keySet());
        List<HtmlReport.Row> rows = new ArrayList<>();
        Map<String, Object> sets = new LinkedHashMap<>();
        for (var set : outOfDistribution.entrySet()) {
            List<HtmlReport.Cell> cells = new ArrayList<>(List.of(new HtmlReport.Text(set.getKey())));
            Map<String, OodEvaluation> evaluations = new LinkedHashMap<>();
            for (var score : inDistribution.entrySet()) {
                double[] scores = set.getValue().get(score.getKey());
                if (cells.size() == 1) {
                    cells.add(new HtmlReport.Number(Integer.toString(scores.length)));
                }
                OodEvaluation evaluation = OodEvaluation.of(score.getValue(), scores);
                evaluations.put(score.getKey(), evaluation);
                cells.add(new HtmlReport.Number(String.format(Locale.ROOT, "%.3f", evaluation.auroc())));
            }
            sets.put(set.getKey(), evaluations);
            rows.add(new HtmlReport.Row(cells, false));
        }
        report.table(headers, rows);
        metrics.put("ood", sets);
    }

    /** The reliability diagram and confidence histogram of {@code probabilities}, kept as {@code <name>-*.png}. */
    private byte[][] draw(String name, double[][] probabilities, int[] labels) {
        ReliabilityBins bins = CalibrationError.reliability(probabilities, labels, CalibrationError.DEFAULT_BINS,
                Binning.EQUAL_WIDTH);
        byte[] reliability = ReliabilityDiagram.png(bins, "Reliability: " + name);
        byte[] confidence = ConfidenceHistogram.png(bins, "Confidence: " + name);
        pictures.put("reliability-" + name + ".png", reliability);
        pictures.put("confidence-" + name + ".png", confidence);
        return new byte[][] {reliability, confidence};
    }

    private static String format(double value, boolean percent) {
        return percent ? String.format(Locale.ROOT, "%.2f%%", 100 * value) : String.format(Locale.ROOT, "%.4f", value);
    }

    /** A row of the comparison table. */
    private record Metric(String name, ToDoubleFunction<CalibrationMetrics> value, boolean percent) {
    }
}
