package dev.glassbox.core.metrics;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.math.Planes;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The similarity measures of the sanity checks of Adebayo et al. (2018), applied to two attribution maps after
 * summing their channels into H×W planes. Rank and linear correlations compare the signed planes (or their magnitudes,
 * where named so); SSIM, HOG and top-k compare magnitudes, each plane scaled by its largest magnitude for SSIM, so
 * that a map and its sign flip count as the same picture. All lie in [−1, 1] (top-k in [0, 1]); 1 means identical.
 */
public enum SimilarityMetric {
    /** Spearman's ρ of the magnitudes. */
    SPEARMAN_ABS("spearman-abs", "Spearman rank correlation of |maps|"),
    /** Spearman's ρ of the signed values. */
    SPEARMAN("spearman", "Spearman rank correlation of the signed maps"),
    /** Pearson's r of the signed values. */
    PEARSON("pearson", "Pearson correlation of the signed maps"),
    /** SSIM of the magnitudes, each scaled to [0, 1] by its largest magnitude. */
    SSIM("ssim", "SSIM of |maps| scaled to [0, 1]"),
    /** Pearson's r of the HOG vectors of the magnitudes. */
    HOG("hog", "Pearson correlation of the HOG features of |maps|"),
    /** The share of the 10% largest magnitudes that sit at the same positions. */
    TOP_K("top-k", "share of the top 10% |values| at the same positions");

    /** The share of positions that top-k compares. */
    public static final double TOP_SHARE = 0.1;

    private final String cliName;
    private final String description;

    SimilarityMetric(String cliName, String description) {
        this.cliName = cliName;
        this.description = description;
    }

    /** The name on the command line and in JSON. */
    public String cliName() {
        return cliName;
    }

    /** What the metric compares, in a few words. */
    public String description() {
        return description;
    }

    /** Parses a metric's command-line name. */
    public static SimilarityMetric parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (SimilarityMetric metric : values()) {
            if (metric.cliName.equals(t)) {
                return metric;
            }
        }
        throw new InvalidInputException("unknown similarity metric '" + text + "': expected one of "
                + Arrays.stream(values()).map(SimilarityMetric::cliName).collect(Collectors.joining(", ")));
    }

    /** The similarity of two maps whose planes have the same height and width. */
    public double between(Attribution a, Attribution b) {
        int[] hw = Planes.heightWidth(a.shape());
        if (!Arrays.equals(hw, Planes.heightWidth(b.shape()))) {
            throw new InvalidInputException("cannot compare a " + a.shape() + " map of " + a.method() + " with a "
                    + b.shape() + " map of " + b.method() + ": their heights and widths differ");
        }
        return between(Planes.plane(a.values(), a.shape()), Planes.plane(b.values(), b.shape()), hw[0], hw[1]);
    }

    /** The similarity of two h×w planes. */
    public double between(double[] a, double[] b, int h, int w) {
        Correlation.check(a, b);
        if (a.length != h * w) {
            throw new InvalidInputException(a.length + " values do not form a " + h + "×" + w + " plane");
        }
        return switch (this) {
            case SPEARMAN_ABS -> Correlation.spearmanOfMagnitudes(a, b);
            case SPEARMAN -> Correlation.spearman(a, b);
            case PEARSON -> Correlation.pearson(a, b);
            case SSIM -> Ssim.of(scaledMagnitudes(a), scaledMagnitudes(b), h, w);
            case HOG -> Hog.similarity(magnitudes(a), magnitudes(b), h, w);
            case TOP_K -> TopKIntersection.of(magnitudes(a), magnitudes(b),
                    Math.max(1, (int) Math.round(TOP_SHARE * a.length)));
        };
    }

    /** The similarity of each pair of maps, pair i being {@code a.get(i)} and {@code b.get(i)}. */
    public double[] each(List<Attribution> a, List<Attribution> b) {
        if (a.size() != b.size()) {
            throw new InvalidInputException("cannot pair " + a.size() + " maps with " + b.size());
        }
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = between(a.get(i), b.get(i));
        }
        return out;
    }

    private static double[] magnitudes(double[] plane) {
        return Arrays.stream(plane).map(Math::abs).toArray();
    }

    private static double[] scaledMagnitudes(double[] plane) {
        double[] out = magnitudes(plane);
        double max = Arrays.stream(out).max().orElse(0);
        if (max > 0) {
            for (int i = 0; i < out.length; i++) {
                out[i] /= max;
            }
        }
        return out;
    }
}
