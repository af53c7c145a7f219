package dev.glassbox.spark.table;

import java.util.List;

/**
 * Global importance over many explained rows: per feature, the mean |attribution| with its standard deviation (the
 * spread across rows), and the mean signed attribution.
 *
 * @param features the feature names
 * @param meanAbs mean |φ_j| over the explained rows
 * @param stdAbs the population standard deviation of |φ_j|
 * @param mean mean φ_j
 * @param rows how many rows were explained (failed rows are not counted)
 */
public record ImportanceSummary(List<String> features, double[] meanAbs, double[] stdAbs, double[] mean, long rows) {

    /** The summary of {@code attributions}, one array per explained row. */
    public static ImportanceSummary of(List<String> features, Iterable<float[]> attributions) {
        int m = features.size();
        double[] sum = new double[m];
        double[] sumAbs = new double[m];
        double[] sumSquares = new double[m];
        long n = 0;
        for (float[] phi : attributions) {
            for (int j = 0; j < m; j++) {
                sum[j] += phi[j];
                sumAbs[j] += Math.abs(phi[j]);
                sumSquares[j] += (double) phi[j] * phi[j];
            }
            n++;
        }
        double[] meanAbs = new double[m];
        double[] stdAbs = new double[m];
        double[] mean = new double[m];
        for (int j = 0; j < m && n > 0; j++) {
            meanAbs[j] = sumAbs[j] / n;
            mean[j] = sum[j] / n;
            stdAbs[j] = Math.sqrt(Math.max(0, sumSquares[j] / n - meanAbs[j] * meanAbs[j]));
        }
        return new ImportanceSummary(List.copyOf(features), meanAbs, stdAbs, mean, n);
    }

    /** The feature indices, largest mean |attribution| first (ties by index). */
    public int[] order() {
        return java.util.stream.IntStream.range(0, meanAbs.length).boxed()
                .sorted((a, b) -> meanAbs[a] != meanAbs[b] ? Double.compare(meanAbs[b], meanAbs[a]) : Integer.compare(a, b))
                .mapToInt(Integer::intValue).toArray();
    }
}
