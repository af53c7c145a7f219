package dev.glassbox.core.embed;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The result of an embedding method: one low-dimensional point per input row, with its provenance and diagnostics.
 *
 * @param method the method's name as used on the command line ({@code pca}, {@code mds}, {@code sne}, {@code tsne})
 * @param points one row of coordinates per input row
 * @param parameters the settings as they were applied, including any seed
 * @param diagnostics numbers that say how good the fit is: explained variance, stress, KL divergence
 * @param seconds wall-clock seconds per phase, in the order the phases ran
 */
public record Embedding(String method, double[][] points, Map<String, Object> parameters,
        Map<String, Double> diagnostics, Map<String, Double> seconds) {

    public Embedding {
        points = copy(points);
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        diagnostics = Collections.unmodifiableMap(new LinkedHashMap<>(diagnostics));
        seconds = Collections.unmodifiableMap(new LinkedHashMap<>(seconds));
    }

    /** A copy of the points. */
    @Override
    public double[][] points() {
        return copy(points);
    }

    /** The number of points. */
    public int size() {
        return points.length;
    }

    /** The number of coordinates per point. */
    public int dimensions() {
        return points.length == 0 ? 0 : points[0].length;
    }

    private static double[][] copy(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[i].clone();
        }
        return out;
    }
}
