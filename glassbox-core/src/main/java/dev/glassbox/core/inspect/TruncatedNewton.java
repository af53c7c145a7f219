package dev.glassbox.core.inspect;

import dev.glassbox.core.InvalidInputException;
import java.util.Arrays;

/**
 * Minimises a {@link RegularisedRisk} to convergence by truncated Newton (Newton–CG): each step solves
 * {@code ∇²R d = −∇R} by {@link ConjugateGradient} from Hessian–vector products alone (to a relative residual of
 * {@code min(0.5, √‖∇R‖)}, the usual forcing sequence, so that the last steps are exact Newton steps and converge
 * quadratically), stopping early on negative curvature (then the descent direction found so far, or the steepest
 * descent, is used), followed by a backtracking Armijo line search. It stops when the largest gradient component is
 * at most the tolerance, or when no step decreases the risk or (below the resolution of its value) its gradient. What leave-one-out retraining "to convergence"
 * means here.
 */
public final class TruncatedNewton {
    private static final double ARMIJO = 1e-4;
    private static final double SMALLEST_STEP = 1e-10;
    /** The relative change in value below which decreases are rounding noise. */
    private static final double RESOLUTION = 1e-13;

    private final double gradientTolerance;
    private final int maxIterations;

    /** A minimiser that stops at a largest gradient component of {@code gradientTolerance} or after that many steps. */
    public TruncatedNewton(double gradientTolerance, int maxIterations) {
        if (!(gradientTolerance > 0) || maxIterations < 1) {
            throw new InvalidInputException("truncated Newton needs a positive gradient tolerance and at least one "
                    + "iteration, got " + gradientTolerance + " and " + maxIterations);
        }
        this.gradientTolerance = gradientTolerance;
        this.maxIterations = maxIterations;
    }

    /**
     * Where the search ended.
     *
     * @param theta the last point
     * @param gradientNorm its largest absolute gradient component
     * @param iterations the Newton steps taken
     * @param converged whether the tolerance was met
     */
    public record Result(double[] theta, double gradientNorm, int iterations, boolean converged) {
    }

    /** Minimises {@code risk} from {@code start}. */
    public Result minimize(RegularisedRisk risk, double[] start) {
        double[] theta = start.clone();
        double value = risk.value(theta);
        double[] g = risk.gradient(theta);
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            double norm = maxAbs(g);
            if (norm <= gradientTolerance) {
                return new Result(theta, norm, iteration, true);
            }
            double[] at = theta;
            double[] minusG = Arrays.stream(g).map(v -> -v).toArray();
            double forcing = Math.min(0.5, Math.sqrt(Math.sqrt(RegularisedRisk.dot(g, g))));
            double[] d = ConjugateGradient.solve(v -> risk.hessianTimes(at, v), minusG, forcing, 10 * g.length + 10).x();
            double slope = RegularisedRisk.dot(g, d);
            if (!(slope < 0)) {
                d = minusG;
                slope = -RegularisedRisk.dot(g, g);
            }
            if (-slope <= RESOLUTION * Math.max(1, Math.abs(value))) {
                // the decrease is below what the risk's value resolves: take the Newton step while it shrinks the gradient
                double[] candidate = axpy(1, d, theta);
                double[] candidateGradient = risk.gradient(candidate);
                if (!(maxAbs(candidateGradient) < norm)) {
                    return new Result(theta, norm, iteration, true);
                }
                theta = candidate;
                g = candidateGradient;
                value = risk.value(theta);
                continue;
            }
            double[] next = null;
            double nextValue = value;
            for (double step = 1; step >= SMALLEST_STEP && next == null; step /= 2) {
                double[] candidate = axpy(step, d, theta);
                double candidateValue = risk.value(candidate);
                if (candidateValue <= value + ARMIJO * step * slope) {
                    next = candidate;
                    nextValue = candidateValue;
                }
            }
            if (next == null) {
                return new Result(theta, norm, iteration, false);
            }
            theta = next;
            value = nextValue;
            g = risk.gradient(theta);
        }
        double norm = maxAbs(g);
        return new Result(theta, norm, maxIterations, norm <= gradientTolerance);
    }

    private static double maxAbs(double[] values) {
        double max = 0;
        for (double v : values) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    private static double[] axpy(double alpha, double[] d, double[] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] + alpha * d[i];
        }
        return out;
    }
}
