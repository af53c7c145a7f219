package dev.glassbox.core.design;

/**
 * Stationary covariance functions of a Gaussian process, as functions of the scaled squared distance
 * {@code r² = Σ_j (x_j − x'_j)² / ℓ_j²} with one length scale {@code ℓ_j} per input (automatic relevance
 * determination): {@code k(x, x') = σ_f² · c(r)}. The correlations are scikit-learn's {@code RBF} and {@code Matern}
 * with {@code nu = 1.5} and {@code 2.5}, so that hyperparameters mean the same in both.
 *
 * <p>Every correlation here satisfies {@code dc/d(r²) = −g(r)/2} for a {@link #slope} {@code g} that stays finite at
 * {@code r = 0}; both the gradient of the marginal likelihood in {@code log ℓ_j} ({@code σ_f² g(r) d_j²/ℓ_j²}) and the
 * gradient of the kernel in the input ({@code −σ_f² g(r) d_j/ℓ_j²}) are written with it, without dividing by r.
 */
public enum CovarianceKernel {
    /** The squared exponential {@code c(r) = exp(−r²/2)}: infinitely smooth sample paths. */
    RBF("rbf") {
        @Override
        public double correlation(double r2) {
            return Math.exp(-0.5 * r2);
        }

        @Override
        public double slope(double r2) {
            return Math.exp(-0.5 * r2);
        }
    },
    /** Matérn with ν = 3/2: {@code c(r) = (1 + √3 r) exp(−√3 r)}; once-differentiable sample paths. */
    MATERN_32("matern32") {
        @Override
        public double correlation(double r2) {
            double s = SQRT3 * Math.sqrt(r2);
            return (1 + s) * Math.exp(-s);
        }

        @Override
        public double slope(double r2) {
            return 3 * Math.exp(-SQRT3 * Math.sqrt(r2));
        }
    },
    /**
     * Matérn with ν = 5/2: {@code c(r) = (1 + √5 r + 5r²/3) exp(−√5 r)}; twice-differentiable sample paths, the usual
     * choice for Bayesian optimisation.
     */
    MATERN_52("matern52") {
        @Override
        public double correlation(double r2) {
            double s = SQRT5 * Math.sqrt(r2);
            return (1 + s + 5.0 / 3.0 * r2) * Math.exp(-s);
        }

        @Override
        public double slope(double r2) {
            double s = SQRT5 * Math.sqrt(r2);
            return 5.0 / 3.0 * (1 + s) * Math.exp(-s);
        }
    };

    private static final double SQRT3 = Math.sqrt(3);
    private static final double SQRT5 = Math.sqrt(5);

    private final String id;

    CovarianceKernel(String id) {
        this.id = id;
    }

    /** The correlation {@code c} at the scaled squared distance {@code r2}; 1 at 0. */
    public abstract double correlation(double r2);

    /** {@code g(r) = −2 dc/d(r²)}, finite and positive everywhere. */
    public abstract double slope(double r2);

    /** The name used in JSON and on the command line: {@code rbf}, {@code matern32}, {@code matern52}. */
    public String id() {
        return id;
    }

    /** The kernel with this {@link #id()}. */
    public static CovarianceKernel of(String id) {
        for (CovarianceKernel k : values()) {
            if (k.id.equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown kernel '" + id + "': expected rbf, matern32 or matern52");
    }
}
