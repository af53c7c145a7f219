package dev.glassbox.cli.command;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.Progress;
import dev.glassbox.core.input.GapRegressionBenchmark;
import dev.glassbox.core.render.LineChart;
import dev.glassbox.core.uncertainty.GaussianPredictions;
import dev.glassbox.core.uncertainty.RegressionCalibration;
import dev.glassbox.core.uncertainty.RegressionUncertainty;
import dev.glassbox.core.uncertainty.SigmaScaling;
import dev.glassbox.djl.uncertainty.HeteroscedasticRegressor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures a {@link HeteroscedasticRegressor} on a {@link RegressionData}'s test part: Gaussian NLL, calibration curve
 * and miscalibration area, sharpness and the coverage of central 90 % intervals, before and after σ scaling fitted on
 * the calibration part; on the 1-D gap benchmark also how the aleatoric standard deviation tracks the true noise
 * outside the gap and how the epistemic one rises inside it, with pictures of both.
 */
public final class RegressionEvaluation {
    /** The nominal level whose coverage is reported. */
    public static final double LEVEL = 0.9;
    private static final int GRID = 161;

    private final Map<String, Double> metrics = new LinkedHashMap<>();
    private final Map<String, byte[]> pictures = new LinkedHashMap<>();

    private RegressionEvaluation() {
    }

    /** How the regressor's uncertainty is sampled. */
    public enum Method {
        ENSEMBLE("ensemble"), MC_DROPOUT("mc-dropout");

        private final String id;

        Method(String id) {
            this.id = id;
        }

        String id() {
            return id;
        }

        static Method of(String id) {
            for (Method m : values()) {
                if (m.id.equalsIgnoreCase(id)) {
                    return m;
                }
            }
            throw new InvalidInputException("unknown method '" + id + "': expected ensemble or mc-dropout");
        }
    }

    /** Evaluates {@code regressor} on {@code data} with {@code method} ({@code passes} per network for MC dropout). */
    public static RegressionEvaluation of(HeteroscedasticRegressor regressor, RegressionData data, Method method,
            int passes, long seed, Progress progress) {
        if (passes < 2 && method == Method.MC_DROPOUT) {
            throw new InvalidInputException("MC dropout needs at least 2 passes, got " + passes);
        }
        RegressionEvaluation e = new RegressionEvaluation();
        java.util.function.Function<float[][], RegressionUncertainty> predict = method == Method.ENSEMBLE
                ? regressor::predict : x -> regressor.mcDropout(x, passes, seed, progress);
        GaussianPredictions calibration = GaussianPredictions.of(data.calibration().targets(),
                predict.apply(data.calibration().inputs()));
        GaussianPredictions test = GaussianPredictions.of(data.test().targets(), predict.apply(data.test().inputs()));
        SigmaScaling scaling = SigmaScaling.fit(calibration);
        RegressionCalibration before = RegressionCalibration.of(test);
        RegressionCalibration after = RegressionCalibration.of(scaling.apply(test));
        e.metrics.put("testSamples", (double) test.count());
        e.metrics.put("rmse", rmse(test));
        e.metrics.put("sigmaScale", scaling.factor());
        e.put("", before, test);
        e.put("recalibrated", after, scaling.apply(test));
        e.pictures.put("calibration.png", LineChart.png("Calibration of central intervals (test set)",
                "expected proportion", "observed proportion", 0, 1, null, List.of(
                        new LineChart.Series("ideal", new double[] {0, 1}, new double[] {0, 1}, true),
                        new LineChart.Series("before σ scaling", before.expected(), before.observed(), false),
                        new LineChart.Series("after σ scaling", after.expected(), after.observed(), false))));
        if (data.isGapBenchmark()) {
            e.gap(predict.apply(GapRegressionBenchmark.grid(GRID)), scaling);
        }
        return e;
    }

    private void put(String prefix, RegressionCalibration c, GaussianPredictions p) {
        String key = prefix.isEmpty() ? "" : prefix + ".";
        metrics.put(key + "nll", c.negativeLogLikelihood());
        metrics.put(key + "miscalibrationArea", c.miscalibrationArea());
        metrics.put(key + "meanAbsoluteCalibrationError", c.meanAbsoluteCalibrationError());
        metrics.put(key + "sharpness", c.sharpness());
        metrics.put(key + "coverage90", RegressionCalibration.coverage(p, LEVEL));
    }

    private static double rmse(GaussianPredictions p) {
        double[] y = p.targets();
        double[] m = p.means();
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            sum += (y[i] - m[i]) * (y[i] - m[i]);
        }
        return Math.sqrt(sum / y.length);
    }

    /** The aleatoric and epistemic standard deviations on the grid against the benchmark's truth. */
    private void gap(RegressionUncertainty grid, SigmaScaling scaling) {
        float[][] x = GapRegressionBenchmark.grid(GRID);
        double[] aleatoric = new double[GRID];
        double[] epistemic = new double[GRID];
        double[] truth = new double[GRID];
        double[] mean = grid.mean();
        double[] f = new double[GRID];
        double[] lower = new double[GRID];
        double[] upper = new double[GRID];
        double[] position = new double[GRID];
        double squared = 0;
        double relative = 0;
        int outside = 0;
        double inGap = 0;
        int inside = 0;
        double z = dev.glassbox.core.math.StandardNormal.quantile(0.5 + LEVEL / 2);
        for (int i = 0; i < GRID; i++) {
            double xi = x[i][0];
            position[i] = i / (GRID - 1.0);
            aleatoric[i] = Math.sqrt(grid.aleatoric()[i]);
            epistemic[i] = Math.sqrt(grid.epistemic()[i]);
            truth[i] = GapRegressionBenchmark.noiseStd(xi);
            f[i] = GapRegressionBenchmark.mean(xi);
            double total = scaling.factor() * Math.sqrt(grid.aleatoric()[i] + grid.epistemic()[i]);
            lower[i] = mean[i] - z * total;
            upper[i] = mean[i] + z * total;
            if (GapRegressionBenchmark.inGap(xi)) {
                inGap += epistemic[i];
                inside++;
            } else {
                double d = aleatoric[i] - truth[i];
                squared += d * d;
                relative += Math.abs(d) / truth[i];
                outside++;
            }
        }
        double outsideEpistemic = 0;
        for (int i = 0; i < GRID; i++) {
            outsideEpistemic += GapRegressionBenchmark.inGap(x[i][0]) ? 0 : epistemic[i] / outside;
        }
        metrics.put("aleatoricStdRmseOutsideGap", Math.sqrt(squared / outside));
        metrics.put("aleatoricStdMeanRelativeErrorOutsideGap", relative / outside);
        metrics.put("epistemicStdInGap", inGap / inside);
        metrics.put("epistemicStdOutsideGap", outsideEpistemic);
        metrics.put("epistemicGapRatio", inGap / inside / outsideEpistemic);
        List<String> ticks = new ArrayList<>();
        for (int t = -4; t <= 4; t += 2) {
            ticks.add(Integer.toString(t));
        }
        pictures.put("stds.png", LineChart.png("Standard deviations on the gap benchmark (gap: -1 < x < 1)", "x",
                "standard deviation", 0, Math.max(0.6, max(epistemic) * 1.05), ticks, List.of(
                        new LineChart.Series("true noise σ(x)", position, truth, true),
                        new LineChart.Series("aleatoric", position, aleatoric, false),
                        new LineChart.Series("epistemic", position, epistemic, false))));
        pictures.put("bands.png", LineChart.png(String.format(Locale.ROOT,
                "Mean and %.0f%% interval after σ scaling", 100 * LEVEL), "x", "y", min(lower) - 0.2,
                max(upper) + 0.2, ticks, List.of(
                        new LineChart.Series("true f(x)", position, f, true),
                        new LineChart.Series("predicted mean", position, mean, false),
                        new LineChart.Series("lower end", position, lower, false),
                        new LineChart.Series("upper end", position, upper, false))));
    }

    private static double max(double[] v) {
        return java.util.Arrays.stream(v).max().orElseThrow();
    }

    private static double min(double[] v) {
        return java.util.Arrays.stream(v).min().orElseThrow();
    }

    /** The measured numbers, in a fixed order. */
    public Map<String, Double> metrics() {
        return metrics;
    }

    /** The pictures by file name: the calibration curve, and on the gap benchmark the bands and the deviations. */
    public Map<String, byte[]> pictures() {
        return pictures;
    }
}
