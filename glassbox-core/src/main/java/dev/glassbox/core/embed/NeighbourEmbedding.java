package dev.glassbox.core.embed;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.Progress;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Stochastic neighbour embedding: the original SNE (Hinton and Roweis 2002, Gaussian neighbourhoods in the
 * embedding) and t-SNE (van der Maaten and Hinton 2008, Student-t neighbourhoods). Input affinities come from
 * Gaussian neighbourhoods calibrated per point to a perplexity, over all points (exact) or over the
 * {@code 3 × perplexity} nearest neighbours found by a vantage-point tree; the points start from PCA and follow
 * gradient descent with early exaggeration, momentum and gains (van der Maaten 2014). The t-SNE gradient is exact,
 * Barnes–Hut (θ) or FFT-interpolated. Runs on several threads; the same seed gives the same numbers on any number of
 * threads. Diagnostics report the final KL divergence, timings the phases (neighbours, affinities, initialisation,
 * optimisation).
 */
public final class NeighbourEmbedding implements Embedder {
    /** Which embedding. */
    public enum Variant {
        /**
         * The original SNE: conditional affinities and a Gaussian kernel in the embedding; exact gradient only, up to
         * {@value #EXACT_MAX} points.
         */
        SNE,
        /** t-SNE: symmetric affinities and a Student-t kernel in the embedding. */
        TSNE
    }

    /** How the t-SNE gradient is computed. */
    public enum Gradient {
        /**
         * Exact up to {@value #EXACT_LIMIT} points, Barnes–Hut up to {@value #BARNES_HUT_LIMIT}, and interpolation
         * above (in 2 dimensions; Barnes–Hut in 1 or 3).
         */
        AUTO,
        /** Over all pairs, with affinities over all points: O(N²) time and memory, up to {@value #EXACT_MAX} points. */
        EXACT,
        /** Barnes–Hut with a space-partitioning tree, affinities over nearest neighbours. */
        BARNES_HUT,
        /** Interpolation on a grid and FFT convolution (FIt-SNE), affinities over nearest neighbours; 2 dimensions. */
        INTERPOLATION
    }

    /** Where the points start. */
    public enum Initialisation {
        /** The first principal components, scaled to a standard deviation of 1e-4 along the first. */
        PCA,
        /** Gaussian noise of standard deviation 1e-4 drawn from the seed. */
        RANDOM
    }

    /** The most points SNE and the exact t-SNE gradient take: they keep N² affinities. */
    public static final int EXACT_MAX = 10000;
    /** The largest number of points {@link Gradient#AUTO} computes exactly. */
    public static final int EXACT_LIMIT = 1000;
    /**
     * The largest number of points {@link Gradient#AUTO} gives to Barnes–Hut in 2 dimensions: above, interpolation is
     * faster (its cost grows with the embedding's area rather than with N log N).
     */
    public static final int BARNES_HUT_LIMIT = 15000;
    private static final double INITIAL_SCALE = 1e-4;

    private final Variant variant;
    private final int dimensions;
    private final double perplexity;
    private final Gradient gradient;
    private final double theta;
    private final double gridSpacing;
    private final int iterations;
    private final double learningRate;
    private final double earlyExaggeration;
    private final int exaggerationIterations;
    private final Initialisation initialisation;
    private final long seed;
    private final int threads;

    private NeighbourEmbedding(Builder builder) {
        this.variant = builder.variant;
        this.dimensions = builder.dimensions;
        this.perplexity = builder.perplexity;
        this.gradient = builder.gradient;
        this.theta = builder.theta;
        this.gridSpacing = builder.gridSpacing;
        this.iterations = builder.iterations;
        this.learningRate = builder.learningRate;
        this.earlyExaggeration = builder.earlyExaggeration;
        this.exaggerationIterations = builder.exaggerationIterations;
        this.initialisation = builder.initialisation;
        this.seed = builder.seed;
        this.threads = builder.threads;
    }

    /** t-SNE settings: 2 dimensions, perplexity 30, θ = 0.5, 1000 iterations, seed 0. */
    public static Builder tsne() {
        return new Builder(Variant.TSNE);
    }

    /** SNE settings: 2 dimensions, perplexity 30, 1000 iterations, seed 0. */
    public static Builder sne() {
        return new Builder(Variant.SNE);
    }

    @Override
    public Embedding embed(float[][] data, Progress progress) {
        Rows.requireValid(data, 2);
        int n = data.length;
        if (perplexity >= n) {
            throw new InvalidInputException("perplexity " + format(perplexity) + " is too large for " + n
                    + " points: it must be less than the number of points");
        }
        Gradient method = resolve(n);
        if (method == Gradient.EXACT && n > EXACT_MAX) {
            throw new InvalidInputException((variant == Variant.SNE ? "SNE" : "the exact t-SNE gradient")
                    + " keeps all N² affinities: it takes at most " + EXACT_MAX + " points, not " + n
                    + "; embed a sample of them");
        }
        String name = variant == Variant.TSNE ? "t-SNE" : "SNE";
        Map<String, Double> seconds = new LinkedHashMap<>();
        try (Parallel parallel = new Parallel(threads)) {
            long start = System.nanoTime();
            int k = Math.min(n - 1, (int) (3 * perplexity));
            progress.update(name + " neighbours", 0, 1);
            SparseMatrix squaredDistances = method == Gradient.EXACT ? SparseMatrix.allPairs(data, parallel)
                    : SparseMatrix.ofNeighbours(NearestNeighbours.of(data, k, threads));
            progress.update(name + " neighbours", 1, 1);
            start = lap(seconds, "neighbours", start);

            SparseMatrix conditional = PerplexityCalibration.conditional(squaredDistances, perplexity, parallel);
            SparseMatrix affinities = variant == Variant.TSNE
                    ? conditional.plus(conditional.transpose(), 0.5 / n) : conditional;
            start = lap(seconds, "affinities", start);

            double[] y = initialPoints(data);
            start = lap(seconds, "initialisation", start);

            Objective objective = objective(method, affinities, parallel);
            double rate = learningRate(n);
            new GradientDescent(iterations, rate, earlyExaggeration, exaggerationIterations, 0.5, 0.8,
                    exaggerationIterations).minimise(objective, y, dimensions, name, progress);
            start = lap(seconds, "optimisation", start);

            Map<String, Double> diagnostics = new LinkedHashMap<>();
            diagnostics.put("klDivergence", objective.klDivergence(y));
            lap(seconds, "divergence", start);
            return new Embedding(variant == Variant.TSNE ? "tsne" : "sne", Rows.unflatten(y, n),
                    parameters(method, k, rate, n), diagnostics, seconds);
        }
    }

    private Gradient resolve(int n) {
        if (variant == Variant.SNE) {
            if (gradient == Gradient.BARNES_HUT || gradient == Gradient.INTERPOLATION) {
                throw new InvalidInputException("SNE has only an exact gradient: use t-SNE for Barnes–Hut or "
                        + "interpolation");
            }
            return Gradient.EXACT;
        }
        if (gradient == Gradient.INTERPOLATION && dimensions != 2) {
            throw new InvalidInputException("the interpolated t-SNE gradient works in 2 dimensions, not " + dimensions
                    + ": use Barnes–Hut");
        }
        if (gradient != Gradient.AUTO) {
            return gradient;
        }
        if (n <= EXACT_LIMIT) {
            return Gradient.EXACT;
        }
        return dimensions == 2 && n > BARNES_HUT_LIMIT ? Gradient.INTERPOLATION : Gradient.BARNES_HUT;
    }

    private Objective objective(Gradient method, SparseMatrix affinities, Parallel parallel) {
        if (variant == Variant.SNE) {
            return new SneObjective(affinities, dimensions, parallel);
        }
        Repulsion repulsion = switch (method) {
            case EXACT -> new ExactRepulsion(dimensions, parallel);
            case BARNES_HUT -> new BarnesHutRepulsion(dimensions, theta, parallel);
            default -> new InterpolatedRepulsion(gridSpacing, parallel);
        };
        return new TsneObjective(affinities, dimensions, repulsion, parallel);
    }

    /**
     * The configured rate, or by default one that keeps the exaggerated early steps stable (Linderman and
     * Steinerberger 2019; Belkina et al. 2019): {@code N / (4 α)} for t-SNE, whose affinities sum to 1 over all
     * pairs, and {@code 1 / (4 α)} for SNE, whose affinities sum to 1 per point.
     */
    private double learningRate(int n) {
        if (!Double.isNaN(learningRate)) {
            return learningRate;
        }
        return (variant == Variant.TSNE ? n : 1) / (4 * earlyExaggeration);
    }

    private double[] initialPoints(float[][] data) {
        int n = data.length;
        double[] y = new double[n * dimensions];
        if (initialisation == Initialisation.PCA && data[0].length >= dimensions && n > dimensions) {
            double[][] projected = Pca.builder().components(dimensions).seed(seed).build().fit(data).project(data);
            double sd = standardDeviation(projected);
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < dimensions; k++) {
                    y[i * dimensions + k] = sd > 0 ? projected[i][k] / sd * INITIAL_SCALE : 0;
                }
            }
            return y;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int e = 0; e < y.length; e++) {
            y[e] = random.nextGaussian() * INITIAL_SCALE;
        }
        return y;
    }

    /** The standard deviation of the first coordinate. */
    private static double standardDeviation(double[][] points) {
        double mean = 0;
        for (double[] p : points) {
            mean += p[0];
        }
        mean /= points.length;
        double sum = 0;
        for (double[] p : points) {
            sum += (p[0] - mean) * (p[0] - mean);
        }
        return Math.sqrt(sum / points.length);
    }

    private Map<String, Object> parameters(Gradient method, int k, double rate, int n) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dimensions", dimensions);
        out.put("perplexity", perplexity);
        out.put("gradient", method.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        if (method == Gradient.BARNES_HUT) {
            out.put("theta", theta);
        }
        if (method == Gradient.INTERPOLATION) {
            out.put("gridSpacing", gridSpacing);
        }
        out.put("neighbours", method == Gradient.EXACT ? n - 1 : k);
        out.put("iterations", iterations);
        out.put("learningRate", rate);
        out.put("earlyExaggeration", earlyExaggeration);
        out.put("exaggerationIterations", exaggerationIterations);
        out.put("initialisation", initialisation.name().toLowerCase(Locale.ROOT));
        out.put("seed", seed);
        return out;
    }

    private static long lap(Map<String, Double> seconds, String phase, long start) {
        long now = System.nanoTime();
        seconds.put(phase, (now - start) / 1e9);
        return now;
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    /** SNE and t-SNE settings. */
    public static final class Builder {
        private final Variant variant;
        private int dimensions = 2;
        private double perplexity = 30;
        private Gradient gradient = Gradient.AUTO;
        private double theta = 0.5;
        private double gridSpacing = InterpolatedRepulsion.DEFAULT_SPACING;
        private int iterations = 1000;
        private double learningRate = Double.NaN;
        private double earlyExaggeration = 12;
        private int exaggerationIterations = 250;
        private Initialisation initialisation = Initialisation.PCA;
        private long seed;
        private int threads = Parallel.defaultThreads();

        private Builder(Variant variant) {
            this.variant = variant;
        }

        /** Coordinates per point: 1 to 3 (default 2). */
        public Builder dimensions(int dimensions) {
            if (dimensions < 1 || dimensions > 3) {
                throw new InvalidInputException("SNE and t-SNE embed into 1 to 3 dimensions, not " + dimensions);
            }
            this.dimensions = dimensions;
            return this;
        }

        /** The effective number of neighbours each point's Gaussian covers (default 30); less than the points. */
        public Builder perplexity(double perplexity) {
            if (!(perplexity >= 1) || Double.isInfinite(perplexity)) {
                throw new InvalidInputException("perplexity must be a finite number of at least 1, was " + perplexity);
            }
            this.perplexity = perplexity;
            return this;
        }

        /** How to compute the t-SNE gradient (default: by the number of points). */
        public Builder gradient(Gradient gradient) {
            this.gradient = Objects.requireNonNull(gradient, "gradient");
            return this;
        }

        /** Barnes–Hut's accuracy: 0 is exact, larger is faster and coarser (default 0.5). */
        public Builder theta(double theta) {
            if (!(theta >= 0) || Double.isInfinite(theta)) {
                throw new InvalidInputException("theta must be a finite number that is not negative, was " + theta);
            }
            this.theta = theta;
            return this;
        }

        /**
         * The interpolation's accuracy: the largest distance between grid nodes, in embedding units (default
         * {@value InterpolatedRepulsion#DEFAULT_SPACING}); smaller is more accurate and slower.
         */
        public Builder gridSpacing(double gridSpacing) {
            if (!(gridSpacing > 0) || Double.isInfinite(gridSpacing)) {
                throw new InvalidInputException("the grid spacing must be a positive number, was " + gridSpacing);
            }
            this.gridSpacing = gridSpacing;
            return this;
        }

        /** Gradient steps (default 1000). */
        public Builder iterations(int iterations) {
            if (iterations < 0) {
                throw new InvalidInputException("iterations cannot be negative, was " + iterations);
            }
            this.iterations = iterations;
            return this;
        }

        /** The step size (default: N / (4 × early exaggeration) for t-SNE, 1 / (4 × early exaggeration) for SNE). */
        public Builder learningRate(double learningRate) {
            if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
                throw new InvalidInputException("the learning rate must be a positive number, was " + learningRate);
            }
            this.learningRate = learningRate;
            return this;
        }

        /** The factor on the affinities early on (default 12) and for how many steps (default 250). */
        public Builder earlyExaggeration(double factor, int steps) {
            if (!(factor >= 1) || Double.isInfinite(factor) || steps < 0) {
                throw new InvalidInputException("early exaggeration needs a factor of at least 1 and steps that are "
                        + "not negative, was " + factor + " for " + steps);
            }
            this.earlyExaggeration = factor;
            this.exaggerationIterations = steps;
            return this;
        }

        /** Where the points start (default PCA). */
        public Builder initialisation(Initialisation initialisation) {
            this.initialisation = Objects.requireNonNull(initialisation, "initialisation");
            return this;
        }

        /** The seed of the initialisation (default 0). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Threads to use (default: all processors); the result does not depend on it. */
        public Builder threads(int threads) {
            this.threads = Parallel.requireThreads(threads);
            return this;
        }

        /** The configured embedding. */
        public NeighbourEmbedding build() {
            return new NeighbourEmbedding(this);
        }
    }
}
