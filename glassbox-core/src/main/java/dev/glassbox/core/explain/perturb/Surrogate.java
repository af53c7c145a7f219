package dev.glassbox.core.explain.perturb;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.explain.Diagnostic;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * LIME's interpretable model, as the {@code lime} package fits it: samples are weighted by the kernel {@code
 * √exp(−d² / width²)} of their distance to the explained input, at most {@code topK} features are selected, and a
 * weighted ridge regression ({@link WeightedRidge}, penalty {@code alpha}) with an intercept is fitted on them. The fit
 * reports its weighted R², its intercept and its prediction for the explained input.
 *
 * @param kernelWidth the kernel width (the {@code lime} package uses 0.25 on cosine distances for images and text, and
 *     {@code 0.75·√M} on Euclidean distances for tabular data)
 * @param topK the most features the surrogate uses
 * @param selection how those features are chosen
 * @param alpha the ridge penalty (1 in the {@code lime} package)
 */
public record Surrogate(double kernelWidth, int topK, Selection selection, double alpha) {

    /** How LIME chooses the features of its surrogate. */
    public enum Selection {
        /** Forward selection for up to six features, highest weights beyond. */
        AUTO,
        /** Every feature. */
        NONE,
        /** The features with the largest coefficients of a lightly penalised fit on all features. */
        HIGHEST_WEIGHTS,
        /** Features added one at a time, each time the one that most raises the weighted R². */
        FORWARD
    }

    public Surrogate {
        if (!(kernelWidth > 0) || Double.isInfinite(kernelWidth)) {
            throw new InvalidInputException("the kernel width must be positive and finite, was " + kernelWidth);
        }
        if (topK < 1) {
            throw new InvalidInputException("the surrogate needs at least one feature, topK was " + topK);
        }
        if (!(alpha >= 0) || Double.isInfinite(alpha)) {
            throw new InvalidInputException("the ridge penalty must be non-negative and finite, was " + alpha);
        }
        if (selection == null) {
            throw new InvalidInputException("choose a feature selection");
        }
    }

    /** The {@code lime} package's surrogate with the given kernel width: every feature, ridge penalty 1. */
    public static Surrogate lime(double kernelWidth) {
        return new Surrogate(kernelWidth, Integer.MAX_VALUE, Selection.AUTO, 1.0);
    }

    /** The same keeping at most {@code k} features. */
    public Surrogate withTopK(int k) {
        return new Surrogate(kernelWidth, k, selection, alpha);
    }

    /** The same with another feature selection. */
    public Surrogate withSelection(Selection method) {
        return new Surrogate(kernelWidth, topK, method, alpha);
    }

    /** The same with another ridge penalty. */
    public Surrogate withAlpha(double penalty) {
        return new Surrogate(kernelWidth, topK, selection, penalty);
    }

    /** The same with another kernel width. */
    public Surrogate withKernelWidth(double width) {
        return new Surrogate(width, topK, selection, alpha);
    }

    /** The settings as recorded in an attribution. */
    public Map<String, Object> params() {
        return Map.of("kernelWidth", kernelWidth, "topK", topK == Integer.MAX_VALUE ? "all" : topK,
                "selection", selection.name().toLowerCase(Locale.ROOT), "alpha", alpha);
    }

    /**
     * A fitted surrogate.
     *
     * @param coefficients one per feature, zero for features not selected
     * @param selected the selected features, in the order they were chosen
     * @param intercept the surrogate's intercept
     * @param r2 its weighted R² on the samples
     * @param localPrediction its prediction for the explained input (the first sample)
     */
    public record Fit(double[] coefficients, int[] selected, double intercept, double r2, double localPrediction) {

        /** The fit's diagnostics for an attribution, with the model's own output for the explained input. */
        public Map<String, Double> diagnostics(double modelPrediction, int samples) {
            return Map.of(Diagnostic.R2.key(), r2, "intercept", intercept, "localPrediction", localPrediction,
                    Diagnostic.MODEL_PREDICTION.key(), modelPrediction, "samples", (double) samples,
                    "selectedFeatures", (double) selected.length);
        }
    }

    /**
     * Fits the surrogate to interpretable samples {@code z} (the first is the explained input), the model's outputs
     * {@code y} and each sample's distance to the explained input.
     */
    public Fit fit(double[][] z, double[] y, double[] distances) {
        double[] weights = new double[distances.length];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = Math.sqrt(Math.exp(-distances[i] * distances[i] / (kernelWidth * kernelWidth)));
        }
        int m = z[0].length;
        int[] selected = select(z, y, weights, Math.min(topK, m));
        WeightedRidge.Fit fit = WeightedRidge.fit(columns(z, selected), y, weights, alpha);
        double[] coefficients = new double[m];
        for (int k = 0; k < selected.length; k++) {
            coefficients[selected[k]] = fit.coefficients()[k];
        }
        double local = fit.predict(columns(new double[][] {z[0]}, selected)[0]);
        return new Fit(coefficients, selected, fit.intercept(), fit.r2(), local);
    }

    private int[] select(double[][] z, double[] y, double[] weights, int k) {
        int m = z[0].length;
        Selection method = selection == Selection.AUTO ? (k <= 6 ? Selection.FORWARD : Selection.HIGHEST_WEIGHTS)
                : selection;
        if (method == Selection.NONE || k == m && method == Selection.HIGHEST_WEIGHTS) {
            int[] all = new int[m];
            Arrays.setAll(all, j -> j);
            return all;
        }
        if (method == Selection.HIGHEST_WEIGHTS) {
            double[] coefficients = WeightedRidge.fit(z, y, weights, 0.01).coefficients();
            return IntStream.range(0, m).boxed()
                    .sorted(Comparator.<Integer>comparingDouble(j -> -Math.abs(coefficients[j] * z[0][j])))
                    .limit(k).mapToInt(Integer::intValue).toArray();
        }
        List<Integer> chosen = new ArrayList<>();
        for (int step = 0; step < k; step++) {
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < m; j++) {
                if (chosen.contains(j)) {
                    continue;
                }
                List<Integer> trial = new ArrayList<>(chosen);
                trial.add(j);
                int[] columns = trial.stream().mapToInt(Integer::intValue).toArray();
                double score = WeightedRidge.fit(columns(z, columns), y, weights, 0).r2();
                if (score > bestScore) {
                    bestScore = score;
                    best = j;
                }
            }
            chosen.add(best);
        }
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }

    private static double[][] columns(double[][] z, int[] selected) {
        double[][] out = new double[z.length][selected.length];
        for (int i = 0; i < z.length; i++) {
            for (int k = 0; k < selected.length; k++) {
                out[i][k] = z[i][selected[k]];
            }
        }
        return out;
    }
}
