package dev.glassbox.core.explain.perturb;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Training data as LIME models it for tabular explanations (the {@code lime} package's {@code QuartileDiscretizer} and
 * category frequencies). A continuous column is cut at its distinct quartiles into bins ({@code x ≤ q1}, {@code q1 < x ≤
 * q2}, …); a categorical column's categories are its values. Each column's categories are drawn with their training
 * frequencies, and a value is drawn back from a bin by a normal with the bin's training mean and standard deviation,
 * truncated to the bin's range.
 */
final class QuartileDistribution {
    private static final int MAX_REJECTIONS = 1000;

    private final String[] names;
    private final boolean[] categorical;
    private final double[][] boundaries;
    private final double[][] categories;
    private final double[][] cumulative;
    private final double[][][] binStats;

    QuartileDistribution(float[][] data, String[] names, boolean[] categorical) {
        int m = names.length;
        this.names = names.clone();
        this.categorical = categorical.clone();
        this.boundaries = new double[m][];
        this.categories = new double[m][];
        this.cumulative = new double[m][];
        this.binStats = new double[m][][];
        for (int j = 0; j < m; j++) {
            double[] column = new double[data.length];
            for (int r = 0; r < data.length; r++) {
                column[r] = data[r][j];
            }
            double[] sorted = column.clone();
            Arrays.sort(sorted);
            boundaries[j] = categorical[j] ? new double[0] : Arrays.stream(new double[] {
                percentile(sorted, 25), percentile(sorted, 50), percentile(sorted, 75)}).distinct().toArray();
            TreeMap<Double, Integer> counts = new TreeMap<>();
            for (double value : column) {
                counts.merge(category(j, value), 1, Integer::sum);
            }
            categories[j] = counts.keySet().stream().mapToDouble(Double::doubleValue).toArray();
            cumulative[j] = new double[categories[j].length];
            double running = 0;
            int k = 0;
            for (int count : counts.values()) {
                running += (double) count / data.length;
                cumulative[j][k++] = running;
            }
            if (!categorical[j]) {
                binStats[j] = binStatistics(column, j, sorted[0], sorted[sorted.length - 1]);
            }
        }
    }

    /** The category of a value in column {@code j}: its bin number, or the value itself for categorical columns. */
    double category(int j, double value) {
        if (categorical[j]) {
            return value;
        }
        int bin = 0;
        while (bin < boundaries[j].length && boundaries[j][bin] < value) {
            bin++;
        }
        return bin;
    }

    /** A category of column {@code j} drawn with its training frequency. */
    double drawCategory(int j, SplittableRandom random) {
        double u = random.nextDouble();
        for (int k = 0; k < cumulative[j].length; k++) {
            if (u < cumulative[j][k]) {
                return categories[j][k];
            }
        }
        return categories[j][categories[j].length - 1];
    }

    /** A value of column {@code j} in the given category. */
    double drawValue(int j, double category, SplittableRandom random) {
        if (categorical[j]) {
            return category;
        }
        double[] stats = binStats[j][(int) category];
        double mean = stats[0];
        double std = stats[1];
        double low = stats[2];
        double high = stats[3];
        if (low == high) {
            return low;
        }
        for (int attempt = 0; attempt < MAX_REJECTIONS; attempt++) {
            double value = mean + std * random.nextGaussian();
            if (value >= low && value <= high) {
                return value;
            }
        }
        return Math.min(high, Math.max(low, mean));
    }

    /** The condition a value's category stands for, such as {@code 1.50 < petal width <= 2.30}. */
    String describe(int j, double value) {
        String name = names[j];
        if (categorical[j]) {
            return name + " = " + format(value);
        }
        double[] q = boundaries[j];
        int bin = (int) category(j, value);
        if (bin == 0) {
            return name + " <= " + format(q[0]);
        }
        if (bin == q.length) {
            return name + " > " + format(q[q.length - 1]);
        }
        return format(q[bin - 1]) + " < " + name + " <= " + format(q[bin]);
    }

    /** Per bin: mean, standard deviation (plus 1e-11, as {@code lime}), lower and upper edge. */
    private double[][] binStatistics(double[] column, int j, double min, double max) {
        double[] q = boundaries[j];
        double[][] stats = new double[q.length + 1][];
        for (int bin = 0; bin <= q.length; bin++) {
            double sum = 0;
            int n = 0;
            for (double value : column) {
                if (category(j, value) == bin) {
                    sum += value;
                    n++;
                }
            }
            double mean = n == 0 ? 0 : sum / n;
            double squares = 0;
            for (double value : column) {
                if (category(j, value) == bin) {
                    squares += (value - mean) * (value - mean);
                }
            }
            double std = (n == 0 ? 0 : Math.sqrt(squares / n)) + 1e-11;
            stats[bin] = new double[] {mean, std, bin == 0 ? min : q[bin - 1], bin == q.length ? max : q[bin]};
        }
        return stats;
    }

    /** NumPy's default (linear) percentile of sorted values. */
    private static double percentile(double[] sorted, double percent) {
        double position = percent / 100 * (sorted.length - 1);
        int low = (int) Math.floor(position);
        int high = Math.min(low + 1, sorted.length - 1);
        return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
