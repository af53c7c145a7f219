package dev.glassbox.core.design;

import static dev.glassbox.core.math.Vectors.dot;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Minimises a smooth function over a box by projected limited-memory BFGS: the L-BFGS direction on the free
 * variables (those not held at a bound by their gradient), a projected backtracking (Armijo) line search, and a
 * restart from the projected steepest descent whenever the quasi-Newton direction does not descend. Enough for the
 * few-dimensional problems of Gaussian processes (the marginal likelihood in log-space, acquisition functions over the
 * unit box); not a full L-BFGS-B (no Cauchy point).
 */
final class BoundedQuasiNewton {
    private static final int MEMORY = 8;
    private static final double ARMIJO = 1e-4;

    /** A function and its gradient; may return +∞ (or NaN) where it is undefined, which the line search avoids. */
    interface Objective {
        /** The value at {@code x}, with the gradient written into {@code gradient}. */
        double evaluate(double[] x, double[] gradient);
    }

    /** Where the search ended and the value there. */
    record Result(double[] x, double value, int iterations) {
    }

    private BoundedQuasiNewton() {
    }

    /**
     * Minimises {@code f} from {@code start} within {@code [lower, upper]}, stopping when the projected gradient's
     * largest component is below {@code tolerance}, the relative decrease falls below 1e-12, or after
     * {@code maxIterations} steps.
     */
    static Result minimize(Objective f, double[] start, double[] lower, double[] upper, int maxIterations,
            double tolerance) {
        int n = start.length;
        double[] x = project(start, lower, upper);
        double[] g = new double[n];
        double fx = f.evaluate(x, g);
        if (!Double.isFinite(fx)) {
            return new Result(x, Double.POSITIVE_INFINITY, 0);
        }
        Deque<double[][]> memory = new ArrayDeque<>();
        int iteration = 0;
        for (; iteration < maxIterations; iteration++) {
            boolean[] free = new boolean[n];
            double largest = 0;
            for (int i = 0; i < n; i++) {
                free[i] = !((x[i] <= lower[i] && g[i] > 0) || (x[i] >= upper[i] && g[i] < 0));
                if (free[i]) {
                    largest = Math.max(largest, Math.abs(g[i]));
                }
            }
            if (largest <= tolerance) {
                break;
            }
            double[] d = direction(g, free, memory);
            double slope = dot(d, g);
            if (!(slope < 0)) {
                memory.clear();
                d = direction(g, free, memory);
                slope = dot(d, g);
            }
            double step = memory.isEmpty() ? Math.min(1, 1 / largest) : 1;
            double[] next = null;
            double fNext = Double.NaN;
            double[] gNext = new double[n];
            for (int tries = 0; tries < 40; tries++) {
                double[] candidate = new double[n];
                for (int i = 0; i < n; i++) {
                    candidate[i] = x[i] + step * d[i];
                }
                candidate = project(candidate, lower, upper);
                double decrease = 0;
                for (int i = 0; i < n; i++) {
                    decrease += g[i] * (candidate[i] - x[i]);
                }
                double value = f.evaluate(candidate, gNext);
                if (Double.isFinite(value) && value <= fx + ARMIJO * decrease && decrease < 0) {
                    next = candidate;
                    fNext = value;
                    break;
                }
                step *= 0.5;
            }
            if (next == null) {
                if (memory.isEmpty()) {
                    break;
                }
                memory.clear();
                continue;
            }
            double[] s = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = next[i] - x[i];
                y[i] = gNext[i] - g[i];
            }
            double sy = dot(s, y);
            if (sy > 1e-10 * Math.sqrt(dot(s, s) * dot(y, y))) {
                memory.addLast(new double[][] {s, y});
                if (memory.size() > MEMORY) {
                    memory.removeFirst();
                }
            }
            boolean stalled = fx - fNext <= 1e-12 * Math.max(1, Math.abs(fx));
            x = next;
            fx = fNext;
            g = gNext;
            if (stalled) {
                iteration++;
                break;
            }
        }
        return new Result(x, fx, iteration);
    }

    /** The two-loop L-BFGS direction {@code −H g} restricted to the free variables. */
    private static double[] direction(double[] g, boolean[] free, Deque<double[][]> memory) {
        int n = g.length;
        double[] q = new double[n];
        for (int i = 0; i < n; i++) {
            q[i] = free[i] ? g[i] : 0;
        }
        int m = memory.size();
        double[] alpha = new double[m];
        double[][][] pairs = memory.toArray(new double[0][][]);
        for (int k = m - 1; k >= 0; k--) {
            double[] s = masked(pairs[k][0], free);
            double[] y = masked(pairs[k][1], free);
            double sy = dot(s, y);
            if (sy <= 0) {
                continue;
            }
            alpha[k] = dot(s, q) / sy;
            for (int i = 0; i < n; i++) {
                q[i] -= alpha[k] * y[i];
            }
        }
        if (m > 0) {
            double[] s = masked(pairs[m - 1][0], free);
            double[] y = masked(pairs[m - 1][1], free);
            double yy = dot(y, y);
            double gamma = yy > 0 ? dot(s, y) / yy : 1;
            if (gamma > 0) {
                for (int i = 0; i < n; i++) {
                    q[i] *= gamma;
                }
            }
        }
        for (int k = 0; k < m; k++) {
            double[] s = masked(pairs[k][0], free);
            double[] y = masked(pairs[k][1], free);
            double sy = dot(s, y);
            if (sy <= 0) {
                continue;
            }
            double beta = dot(y, q) / sy;
            for (int i = 0; i < n; i++) {
                q[i] += (alpha[k] - beta) * s[i];
            }
        }
        for (int i = 0; i < n; i++) {
            q[i] = free[i] ? -q[i] : 0;
        }
        return q;
    }

    private static double[] masked(double[] v, boolean[] free) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = free[i] ? v[i] : 0;
        }
        return out;
    }

    static double[] project(double[] x, double[] lower, double[] upper) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = Math.max(lower[i], Math.min(upper[i], x[i]));
        }
        return out;
    }
}
