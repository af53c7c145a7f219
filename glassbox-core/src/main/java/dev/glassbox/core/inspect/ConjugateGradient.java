package dev.glassbox.core.inspect;

import java.util.function.UnaryOperator;

/**
 * Solves {@code A x = b} for a symmetric positive definite {@code A} known only through products {@code A v}
 * (Hestenes–Stiefel conjugate gradients, started at 0). It stops when the residual's norm falls to
 * {@code tolerance · ‖b‖}, after {@code maxIterations}, or on a direction of non-positive curvature — where {@code A}
 * is not positive definite — which the result reports.
 */
public final class ConjugateGradient {

    /**
     * Where the iteration ended.
     *
     * @param x the last iterate (0 when the first direction already had non-positive curvature)
     * @param relativeResidual {@code ‖b − A x‖ / ‖b‖}
     * @param iterations the products taken
     * @param negativeCurvature whether a direction with {@code dᵀ A d ≤ 0} stopped it
     */
    public record Solution(double[] x, double relativeResidual, int iterations, boolean negativeCurvature) {
    }

    private ConjugateGradient() {
    }

    /** Runs conjugate gradients on {@code A x = b}. */
    public static Solution solve(UnaryOperator<double[]> a, double[] b, double tolerance, int maxIterations) {
        int n = b.length;
        double[] x = new double[n];
        double[] r = b.clone();
        double[] d = b.clone();
        double bNorm = Math.sqrt(RegularisedRisk.dot(b, b));
        if (bNorm == 0) {
            return new Solution(x, 0, 0, false);
        }
        double rr = bNorm * bNorm;
        for (int k = 0; k < maxIterations; k++) {
            if (Math.sqrt(rr) <= tolerance * bNorm) {
                return new Solution(x, Math.sqrt(rr) / bNorm, k, false);
            }
            double[] ad = a.apply(d);
            double curvature = RegularisedRisk.dot(d, ad);
            if (!(curvature > 0)) {
                return new Solution(x, Math.sqrt(rr) / bNorm, k + 1, true);
            }
            double alpha = rr / curvature;
            for (int i = 0; i < n; i++) {
                x[i] += alpha * d[i];
                r[i] -= alpha * ad[i];
            }
            double next = RegularisedRisk.dot(r, r);
            double beta = next / rr;
            rr = next;
            for (int i = 0; i < n; i++) {
                d[i] = r[i] + beta * d[i];
            }
        }
        return new Solution(x, Math.sqrt(rr) / bNorm, maxIterations, false);
    }
}
