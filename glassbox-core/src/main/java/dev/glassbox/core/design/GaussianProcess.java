package dev.glassbox.core.design;

import dev.glassbox.core.InvalidInputException;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Gaussian process regression (Rasmussen and Williams 2006, ch. 2 and 5) with a stationary {@link CovarianceKernel}
 * with one length scale per input, a signal variance and a noise variance, fitted on EJML. The semantics are
 * scikit-learn's {@code GaussianProcessRegressor} with the kernel {@code ConstantKernel * RBF|Matern + WhiteKernel}:
 * with the same fixed hyperparameters ({@link Builder#hyperparameters} and {@code fitHyperparameters(false)}) both
 * give the same predictions and log marginal likelihood, and output standardisation is its {@code normalize_y}.
 *
 * <p>Hyperparameters are chosen by maximising the log marginal likelihood with its analytic gradient in log-space
 * ({@link BoundedQuasiNewton} within bounds relative to the data's scale), from the given or a default start and
 * {@link Builder#restarts} random starts drawn from the seed; the best optimum wins. Inputs may be mapped to the unit
 * box (from a given box or the data's range) and outputs standardised; hyperparameters are then in those units. The
 * covariance is factored by Cholesky with a jitter ladder ({@link JitteredCholesky}); a matrix that cannot be
 * factored even with 10⁻⁴ relative jitter is refused with an {@link InvalidInputException} naming the problem.
 */
public final class GaussianProcess {
    /** Bounds on length scales relative to the inputs' span, on σ_f² and σ_n² relative to the outputs' variance. */
    static final double LENGTH_MIN = 1e-3;
    static final double LENGTH_MAX = 1e3;
    static final double SIGNAL_MIN = 1e-3;
    static final double SIGNAL_MAX = 1e3;
    static final double NOISE_MIN = 1e-8;
    static final double NOISE_MAX = 10;

    private final CovarianceKernel kernel;
    private final boolean normaliseInputs;
    private final double[] boxLower;
    private final double[] boxUpper;
    private final boolean standardiseOutputs;
    private final GpHyperparameters hyperparameters;
    private final boolean fitHyperparameters;
    private final Double fixedNoise;
    private final int restarts;
    private final long seed;
    private final int maxIterations;
    private final double tolerance;
    private final double lengthMin;
    private final double lengthMax;

    private GaussianProcess(Builder b) {
        this.kernel = b.kernel;
        this.normaliseInputs = b.normaliseInputs;
        this.boxLower = b.boxLower;
        this.boxUpper = b.boxUpper;
        this.standardiseOutputs = b.standardiseOutputs;
        this.hyperparameters = b.hyperparameters;
        this.fitHyperparameters = b.fitHyperparameters;
        this.fixedNoise = b.fixedNoise;
        this.restarts = b.restarts;
        this.seed = b.seed;
        this.maxIterations = b.maxIterations;
        this.tolerance = b.tolerance;
        this.lengthMin = b.lengthMin;
        this.lengthMax = b.lengthMax;
    }

    /** A builder: Matérn 5/2, inputs scaled to the data's range, outputs standardised, 4 restarts, seed 0. */
    public static Builder builder() {
        return new Builder();
    }

    /** The kernel. */
    public CovarianceKernel kernel() {
        return kernel;
    }

    /**
     * Fits the process to {@code x} (n rows of d inputs) and {@code y} (n finite values).
     *
     * @throws InvalidInputException on empty, ragged or non-finite data, or a covariance that cannot be factored
     */
    public GpPosterior fit(double[][] x, double[] y) {
        int n = x.length;
        if (n == 0 || y.length != n) {
            throw new InvalidInputException("a Gaussian process needs as many outputs as input rows (at least one), got "
                    + n + " rows and " + y.length + " outputs");
        }
        int d = x[0].length;
        if (d == 0) {
            throw new InvalidInputException("input rows must hold at least one value");
        }
        for (int i = 0; i < n; i++) {
            if (x[i].length != d) {
                throw new InvalidInputException("input row " + i + " has " + x[i].length + " values, expected " + d);
            }
            for (double v : x[i]) {
                if (!Double.isFinite(v)) {
                    throw new InvalidInputException("input row " + i + " holds " + v + "; inputs must be finite");
                }
            }
            if (!Double.isFinite(y[i])) {
                throw new InvalidInputException("output " + i + " is " + y[i] + "; outputs must be finite");
            }
        }
        if (boxLower != null && boxLower.length != d) {
            throw new InvalidInputException("the input box has " + boxLower.length + " dimensions, the data " + d);
        }
        if (hyperparameters != null && hyperparameters.dimensions() != d) {
            throw new InvalidInputException("the hyperparameters have " + hyperparameters.dimensions()
                    + " length scales, the data " + d + " inputs");
        }
        double[] shift = new double[d];
        double[] scale = new double[d];
        Arrays.fill(scale, 1);
        if (boxLower != null) {
            for (int j = 0; j < d; j++) {
                shift[j] = boxLower[j];
                scale[j] = boxUpper[j] - boxLower[j];
            }
        } else if (normaliseInputs) {
            for (int j = 0; j < d; j++) {
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (double[] row : x) {
                    lo = Math.min(lo, row[j]);
                    hi = Math.max(hi, row[j]);
                }
                shift[j] = lo;
                scale[j] = hi > lo ? hi - lo : 1;
            }
        }
        double[][] u = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                u[i][j] = (x[i][j] - shift[j]) / scale[j];
            }
        }
        double yMean = 0;
        double yStd = 1;
        if (standardiseOutputs) {
            for (double v : y) {
                yMean += v / n;
            }
            double var = 0;
            for (double v : y) {
                var += (v - yMean) * (v - yMean) / n;
            }
            yStd = var > 0 ? Math.sqrt(var) : 1;
        }
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = (y[i] - yMean) / yStd;
        }
        MarginalLikelihood likelihood = new MarginalLikelihood(kernel, u, z);
        GpHyperparameters chosen;
        if (fitHyperparameters) {
            chosen = maximise(likelihood, u, z);
        } else {
            chosen = hyperparameters;
        }
        double lml = likelihood.evaluate(chosen.toLog(), null);
        JitteredCholesky factor = JitteredCholesky.factor(likelihood.covariance(chosen));
        return new GpPosterior(kernel, chosen, u, shift, scale, yMean, yStd, factor, factor.solve(z), lml);
    }

    private GpHyperparameters maximise(MarginalLikelihood likelihood, double[][] u, double[] z) {
        int d = u[0].length;
        int p = d + 2;
        double[] span = new double[d];
        for (int j = 0; j < d; j++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double[] row : u) {
                lo = Math.min(lo, row[j]);
                hi = Math.max(hi, row[j]);
            }
            span[j] = normaliseInputs || boxLower != null ? 1 : (hi > lo ? hi - lo : 1);
        }
        double outputScale = 1;
        if (!standardiseOutputs) {
            double mean = Arrays.stream(z).average().orElse(0);
            double var = Arrays.stream(z).map(v -> (v - mean) * (v - mean)).sum() / z.length;
            outputScale = var > 0 ? var : 1;
        }
        double[] lower = new double[p];
        double[] upper = new double[p];
        for (int j = 0; j < d; j++) {
            lower[j] = Math.log(lengthMin * span[j]);
            upper[j] = Math.log(lengthMax * span[j]);
        }
        lower[d] = Math.log(SIGNAL_MIN * outputScale);
        upper[d] = Math.log(SIGNAL_MAX * outputScale);
        if (fixedNoise != null) {
            lower[d + 1] = Math.log(fixedNoise);
            upper[d + 1] = lower[d + 1];
        } else {
            lower[d + 1] = Math.log(NOISE_MIN * outputScale);
            upper[d + 1] = Math.log(NOISE_MAX * outputScale);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[][] starts = new double[restarts + 1][p];
        for (int s = 0; s <= restarts; s++) {
            for (int j = 0; j < d; j++) {
                starts[s][j] = Math.min(upper[j], Math.max(lower[j], s == 0 ? Math.log(0.3 * span[j])
                        : Math.log(span[j]) + Math.log(0.05) + random.nextDouble() * Math.log(40)));
            }
            starts[s][d] = Math.log(outputScale) + (s == 0 ? 0 : Math.log(0.2) + random.nextDouble() * Math.log(25));
            starts[s][d + 1] = Math.log(outputScale) + (s == 0 ? Math.log(1e-4)
                    : Math.log(1e-6) + random.nextDouble() * Math.log(1e5));
        }
        if (hyperparameters != null) {
            starts[0] = hyperparameters.toLog();
        }
        if (fixedNoise != null) {
            for (double[] start : starts) {
                start[d + 1] = Math.log(fixedNoise);
            }
        }
        BoundedQuasiNewton.Objective objective = (theta, gradient) -> {
            try {
                double value = -likelihood.evaluate(theta, gradient);
                for (int i = 0; i < gradient.length; i++) {
                    gradient[i] = -gradient[i];
                }
                return value;
            } catch (InvalidInputException notDefinite) {
                return Double.POSITIVE_INFINITY;
            }
        };
        BoundedQuasiNewton.Result best = null;
        for (double[] start : starts) {
            BoundedQuasiNewton.Result result = BoundedQuasiNewton.minimize(objective, start, lower, upper, maxIterations,
                    tolerance);
            if (Double.isFinite(result.value()) && (best == null || result.value() < best.value())) {
                best = result;
            }
        }
        if (best == null) {
            throw new InvalidInputException("the marginal likelihood could not be evaluated from any start: the "
                    + "covariance of the " + u.length + " points is not positive definite (duplicated inputs?)");
        }
        return GpHyperparameters.fromLog(best.x());
    }

    /** Settings for {@link GaussianProcess}. */
    public static final class Builder {
        private CovarianceKernel kernel = CovarianceKernel.MATERN_52;
        private boolean normaliseInputs = true;
        private double[] boxLower;
        private double[] boxUpper;
        private boolean standardiseOutputs = true;
        private GpHyperparameters hyperparameters;
        private boolean fitHyperparameters = true;
        private Double fixedNoise;
        private int restarts = 4;
        private long seed;
        private int maxIterations = 200;
        private double tolerance = 1e-6;
        private double lengthMin = LENGTH_MIN;
        private double lengthMax = LENGTH_MAX;

        private Builder() {
        }

        /**
         * Bounds on the fitted length scales, relative to each input's span (default 1e-3 to 1e3). A tighter upper
         * bound keeps every input relevant, which Bayesian optimisation prefers to ruling an input out early.
         */
        public Builder lengthScaleBounds(double min, double max) {
            if (!(min > 0) || !(max > min) || Double.isInfinite(max)) {
                throw new InvalidInputException("length-scale bounds need 0 < min < max < ∞, got " + min + " and " + max);
            }
            this.lengthMin = min;
            this.lengthMax = max;
            return this;
        }

        /** Stops each search when no gradient component of the log marginal likelihood exceeds this (default 1e-6). */
        Builder tolerance(double tolerance) {
            this.tolerance = tolerance;
            return this;
        }

        /** The covariance function (default Matérn 5/2). */
        public Builder kernel(CovarianceKernel kernel) {
            this.kernel = java.util.Objects.requireNonNull(kernel, "kernel");
            return this;
        }

        /** Whether to map inputs to the unit box spanned by the data (default true); false keeps them as given. */
        public Builder normaliseInputs(boolean normalise) {
            this.normaliseInputs = normalise;
            return this;
        }

        /** Maps inputs to the unit box from this box (e.g. an optimisation's bounds) instead of the data's range. */
        public Builder inputBox(double[] lower, double[] upper) {
            Box.validate(lower, upper);
            this.boxLower = lower.clone();
            this.boxUpper = upper.clone();
            return this;
        }

        /** Whether to standardise outputs to mean 0 and variance 1 before fitting (default true). */
        public Builder standardiseOutputs(boolean standardise) {
            this.standardiseOutputs = standardise;
            return this;
        }

        /** The hyperparameters: the first start of the fit, or the ones used with {@code fitHyperparameters(false)}. */
        public Builder hyperparameters(GpHyperparameters hyperparameters) {
            this.hyperparameters = hyperparameters;
            return this;
        }

        /** Whether to maximise the marginal likelihood (default true); false needs {@link #hyperparameters}. */
        public Builder fitHyperparameters(boolean fit) {
            this.fitHyperparameters = fit;
            return this;
        }

        /** Keeps the noise variance at this value (in the fitted scale) instead of fitting it. */
        public Builder fixedNoise(double noiseVariance) {
            if (!(noiseVariance > 0) || Double.isInfinite(noiseVariance)) {
                throw new InvalidInputException("a fixed noise variance must be positive and finite, was "
                        + noiseVariance);
            }
            this.fixedNoise = noiseVariance;
            return this;
        }

        /** Random starts of the marginal-likelihood search besides the first (default 4). */
        public Builder restarts(int restarts) {
            if (restarts < 0) {
                throw new InvalidInputException("restarts must be at least 0, was " + restarts);
            }
            this.restarts = restarts;
            return this;
        }

        /** The seed of the random starts. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The most quasi-Newton steps per start (default 200). */
        public Builder maxIterations(int maxIterations) {
            if (maxIterations < 1) {
                throw new InvalidInputException("maxIterations must be at least 1, was " + maxIterations);
            }
            this.maxIterations = maxIterations;
            return this;
        }

        public GaussianProcess build() {
            if (!fitHyperparameters && hyperparameters == null) {
                throw new InvalidInputException("fixed hyperparameters (fitHyperparameters(false)) need hyperparameters");
            }
            if (!fitHyperparameters && fixedNoise != null) {
                hyperparameters = new GpHyperparameters(hyperparameters.lengthScales(), hyperparameters.signalVariance(),
                        fixedNoise);
            }
            return new GaussianProcess(this);
        }
    }
}
