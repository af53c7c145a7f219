package dev.glassbox.core.embed;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.Progress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Metric multidimensional scaling by SMACOF (de Leeuw 1977): repeated Guttman transforms
 * {@code X ← B(X) X / N}, each of which lowers the raw stress {@code Σ_{i<j} (δ_ij - d_ij(X))²}, until it falls by
 * less than a relative tolerance. Starts from classical MDS or from random points drawn from the seed. O(N²) per
 * iteration; the result does not depend on the thread count.
 */
public final class Smacof implements Embedder {
    private static final int GRAIN = 32;

    /** Where the iterations start. */
    public enum Start {
        /** The classical MDS solution (deterministic). */
        CLASSICAL,
        /** Standard normal coordinates drawn from the seed. */
        RANDOM
    }

    private final int dimensions;
    private final int maxIterations;
    private final double tolerance;
    private final Start start;
    private final long seed;
    private final int threads;

    private Smacof(Builder builder) {
        this.dimensions = builder.dimensions;
        this.maxIterations = builder.maxIterations;
        this.tolerance = builder.tolerance;
        this.start = builder.start;
        this.seed = builder.seed;
        this.threads = builder.threads;
    }

    /** Settings, starting from 2 dimensions, 300 iterations, tolerance 1e-6, a classical start and seed 0. */
    public static Builder builder() {
        return new Builder();
    }

    /** Embeds the rows by their Euclidean distances. */
    @Override
    public Embedding embed(float[][] data, Progress progress) {
        Rows.requireValid(data, 2);
        try (Parallel parallel = new Parallel(threads)) {
            return embedDistances(Dissimilarities.euclidean(data, parallel), progress);
        }
    }

    /**
     * Embeds points given only their dissimilarities (square, symmetric, finite, non-negative, zero diagonal).
     * Diagnostics: Kruskal's stress-1 ({@code stress}), the raw stress and the number of iterations run.
     */
    public Embedding embedDistances(double[][] dissimilarities, Progress progress) {
        Dissimilarities.requireValid(dissimilarities, 2);
        long begin = System.nanoTime();
        int n = dissimilarities.length;
        double[] points = initial(dissimilarities);
        double[] next = new double[points.length];
        double stress;
        int iteration = 0;
        try (Parallel parallel = new Parallel(threads)) {
            stress = Dissimilarities.rawStress(dissimilarities, points, dimensions, parallel);
            while (iteration < maxIterations && stress > 0) {
                guttmanTransform(dissimilarities, points, next, parallel);
                double[] swap = points;
                points = next;
                next = swap;
                iteration++;
                double previous = stress;
                stress = Dissimilarities.rawStress(dissimilarities, points, dimensions, parallel);
                progress.update("SMACOF", iteration, maxIterations);
                if (previous - stress <= tolerance * previous) {
                    break;
                }
            }
        }
        progress.update("SMACOF", maxIterations, maxIterations);
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("variant", "smacof");
        parameters.put("dimensions", dimensions);
        parameters.put("maxIterations", maxIterations);
        parameters.put("tolerance", tolerance);
        parameters.put("start", start.name().toLowerCase(java.util.Locale.ROOT));
        parameters.put("seed", seed);
        Map<String, Double> diagnostics = new LinkedHashMap<>();
        diagnostics.put("stress", Dissimilarities.normalisedStress(dissimilarities, stress));
        diagnostics.put("rawStress", stress);
        diagnostics.put("iterations", (double) iteration);
        return new Embedding("mds", Rows.unflatten(points, n), parameters, diagnostics,
                Map.of("mds", (System.nanoTime() - begin) / 1e9));
    }

    private double[] initial(double[][] dissimilarities) {
        int n = dissimilarities.length;
        if (start == Start.CLASSICAL) {
            double[][] classical = new ClassicalMds(dimensions, threads).embedDistances(dissimilarities, Progress.NONE)
                    .points();
            double[] out = new double[n * dimensions];
            for (int i = 0; i < n; i++) {
                System.arraycopy(classical[i], 0, out, i * dimensions, dimensions);
            }
            return out;
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] out = new double[n * dimensions];
        for (int i = 0; i < out.length; i++) {
            out[i] = random.nextGaussian();
        }
        return out;
    }

    /** {@code out_i = (1/N) Σ_{j≠i} (δ_ij / d_ij) (x_i - x_j)}, pairs at distance 0 left out. */
    private void guttmanTransform(double[][] delta, double[] x, double[] out, Parallel parallel) {
        int n = delta.length;
        parallel.forEach(n, GRAIN, (from, to) -> {
            for (int i = from; i < to; i++) {
                for (int k = 0; k < dimensions; k++) {
                    out[i * dimensions + k] = 0;
                }
                for (int j = 0; j < n; j++) {
                    double d = Dissimilarities.distance(x, i, j, dimensions);
                    if (j == i || d == 0) {
                        continue;
                    }
                    double ratio = delta[i][j] / d;
                    for (int k = 0; k < dimensions; k++) {
                        out[i * dimensions + k] += ratio * (x[i * dimensions + k] - x[j * dimensions + k]);
                    }
                }
                for (int k = 0; k < dimensions; k++) {
                    out[i * dimensions + k] /= n;
                }
            }
        });
    }

    /** SMACOF settings. */
    public static final class Builder {
        private int dimensions = 2;
        private int maxIterations = 300;
        private double tolerance = 1e-6;
        private Start start = Start.CLASSICAL;
        private long seed;
        private int threads = Parallel.defaultThreads();

        private Builder() {
        }

        /** Coordinates per point (default 2). */
        public Builder dimensions(int dimensions) {
            if (dimensions < 1) {
                throw new InvalidInputException("MDS needs at least 1 dimension, was " + dimensions);
            }
            this.dimensions = dimensions;
            return this;
        }

        /** The most Guttman transforms to run (default 300). */
        public Builder maxIterations(int maxIterations) {
            if (maxIterations < 0) {
                throw new InvalidInputException("iterations cannot be negative, was " + maxIterations);
            }
            this.maxIterations = maxIterations;
            return this;
        }

        /** Stop once an iteration lowers the stress by less than this fraction of it (default 1e-6). */
        public Builder tolerance(double tolerance) {
            if (!(tolerance >= 0)) {
                throw new InvalidInputException("the tolerance must be a number that is not negative, was "
                        + tolerance);
            }
            this.tolerance = tolerance;
            return this;
        }

        /** Start from classical MDS (default) or from random points. */
        public Builder start(Start start) {
            this.start = Objects.requireNonNull(start, "start");
            return this;
        }

        /** The seed of a random start (default 0). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Threads to use (default: all processors); the result does not depend on it. */
        public Builder threads(int threads) {
            this.threads = Parallel.requireThreads(threads);
            return this;
        }

        /** The configured SMACOF. */
        public Smacof build() {
            return new Smacof(this);
        }
    }
}
