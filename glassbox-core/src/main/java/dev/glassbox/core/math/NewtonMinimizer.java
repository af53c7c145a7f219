package dev.glassbox.core.math;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Minimises a smooth convex function of a few parameters by Newton's method with a backtracking (Armijo) line
 * search. Each step solves {@code H d = −g} by Cholesky; where the Hessian is not positive definite (a flat direction)
 * a growing multiple of the identity is added until it is. The search stops when the largest gradient component is
 * at most the tolerance, or when the decrease a Newton step predicts is below what the function's value resolves
 * (after taking that last full step), or when no step decreases the function any more.
 *
 * <p>Points outside the function's domain are handled by letting {@link Objective#value} return +∞ there: the line
 * search then shortens the step until it lands inside.
 */
public final class NewtonMinimizer {
    private static final double ARMIJO = 1e-4;
    private static final double SMALLEST_STEP = 1e-12;
    /** The relative change in value below which decreases are treated as rounding noise. */
    private static final double RESOLUTION = 1e-12;

    private final double gradientTolerance;
    private final int maxIterations;

    /**
     * A minimiser that stops when every gradient component is within {@code gradientTolerance} of 0, or after
     * {@code maxIterations} Newton steps.
     */
    public NewtonMinimizer(double gradientTolerance, int maxIterations) {
        if (!(gradientTolerance > 0) || maxIterations < 1) {
            throw new IllegalArgumentException("Newton's method needs a positive gradient tolerance and at least one "
                    + "iteration, got " + gradientTolerance + " and " + maxIterations);
        }
        this.gradientTolerance = gradientTolerance;
        this.maxIterations = maxIterations;
    }

    /** A twice-differentiable convex function. */
    public interface Objective {
        /** The value at {@code x}, or {@link Double#POSITIVE_INFINITY} outside the domain. */
        double value(double[] x);

        /** The value, gradient and Hessian at {@code x}, a point inside the domain. */
        Evaluation evaluate(double[] x);
    }

    /** A function's value, gradient and Hessian (row-major, symmetric) at one point. */
    public record Evaluation(double value, double[] gradient, double[][] hessian) {
    }

    /**
     * Where the search ended.
     *
     * @param argmin the last point
     * @param value the function's value there
     * @param gradientNorm the largest absolute gradient component there
     * @param iterations the number of Newton steps taken
     * @param converged whether the gradient tolerance was met or the function could not measurably decrease further
     */
    public record Result(double[] argmin, double value, double gradientNorm, int iterations, boolean converged) {
    }

    /** Minimises {@code objective} starting from {@code start}, which must lie inside the domain. */
    public Result minimize(Objective objective, double[] start) {
        double[] x = start.clone();
        Evaluation at = objective.evaluate(x);
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            double gradientNorm = maxAbs(at.gradient());
            if (gradientNorm <= gradientTolerance) {
                return new Result(x, at.value(), gradientNorm, iteration, true);
            }
            double[] direction = newtonDirection(at);
            double slope = Vectors.dot(at.gradient(), direction);
            if (-slope <= RESOLUTION * Math.max(1, Math.abs(at.value()))) {
                return lastStep(objective, x, direction, at, iteration);
            }
            double[] next = null;
            for (double step = 1; step >= SMALLEST_STEP && next == null; step /= 2) {
                double[] candidate = axpy(step, direction, x);
                if (objective.value(candidate) <= at.value() + ARMIJO * step * slope) {
                    next = candidate;
                }
            }
            if (next == null) {
                return new Result(x, at.value(), gradientNorm, iteration, true);
            }
            x = next;
            at = objective.evaluate(x);
        }
        double gradientNorm = maxAbs(at.gradient());
        return new Result(x, at.value(), gradientNorm, maxIterations, gradientNorm <= gradientTolerance);
    }

    /**
     * Near the minimum the predicted decrease {@code −gᵀd} falls below what the function's value can resolve, so the
     * line search could only compare rounding noise. There, Newton's method is in its quadratic phase: take the full
     * step once and stop.
     */
    private static Result lastStep(Objective objective, double[] x, double[] direction, Evaluation at,
            int iteration) {
        double[] end = axpy(1, direction, x);
        if (!(objective.value(end) <= at.value() + RESOLUTION * Math.max(1, Math.abs(at.value())))) {
            return new Result(x, at.value(), maxAbs(at.gradient()), iteration, true);
        }
        Evaluation atEnd = objective.evaluate(end);
        return new Result(end, atEnd.value(), maxAbs(atEnd.gradient()), iteration + 1, true);
    }

    private static double[] newtonDirection(Evaluation at) {
        int n = at.gradient().length;
        DMatrixRMaj hessian = new DMatrixRMaj(at.hessian());
        double scale = 0;
        for (int i = 0; i < n; i++) {
            scale = Math.max(scale, Math.abs(hessian.get(i, i)));
        }
        DMatrixRMaj rhs = new DMatrixRMaj(n, 1);
        for (int i = 0; i < n; i++) {
            rhs.set(i, 0, -at.gradient()[i]);
        }
        DMatrixRMaj direction = new DMatrixRMaj(n, 1);
        LinearSolverDense<DMatrixRMaj> cholesky = LinearSolverFactory_DDRM.chol(n);
        double damping = 0;
        while (true) {
            DMatrixRMaj damped = hessian.copy();
            for (int i = 0; i < n; i++) {
                damped.add(i, i, damping);
            }
            if (cholesky.setA(damped)) {
                cholesky.solve(rhs, direction);
                return direction.getData().clone();
            }
            damping = damping == 0 ? 1e-10 * Math.max(scale, 1) : damping * 10;
            if (!Double.isFinite(damping)) {
                throw new IllegalStateException("Newton's method met a Hessian that is not finite");
            }
        }
    }

    private static double maxAbs(double[] values) {
        return Arrays.stream(values).map(Math::abs).max().orElse(0);
    }

    private static double[] axpy(double alpha, double[] direction, double[] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] + alpha * direction[i];
        }
        return out;
    }
}
