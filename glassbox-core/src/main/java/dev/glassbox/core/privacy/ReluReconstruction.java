package dev.glassbox.core.privacy;

import static dev.glassbox.core.math.Vectors.dot;

import dev.glassbox.core.math.Vectors;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Reconstruction of a two-layer ReLU network from its scores and gradient explanations, after Milli, Schmidt, Dragan
 * and Hardt 2019: instead of fitting a copy, the attacker solves for the network's pieces.
 *
 * <p>Along a line x(t) = p + t·u every logit is piecewise linear in t and breaks exactly where the line crosses a
 * hidden unit's hyperplane w·x + b = 0; the gradient explanation of the predicted class is constant between breaks. A
 * query answers a logit's value and (through the gradient) its slope along the line, so two queries whose gradients
 * differ give two lines whose intersection is the break when there is only one; two queries just before and just after
 * it confirm it (each on its end's linear piece: same class, same gradient, value on the line) or split the interval. Each confirmed break gives one unit: its normal is the jump of the
 * gradient across it (±a·w), its offset follows from the break's position. The output layer is then linear in the
 * units' activations and solved by least squares from every answer already held — all scores and gradients —
 * with a linear term that absorbs the unknown orientation of each unit (a·relu(s) = a·s +
 * a·relu(−s)). The linear terms of the classes whose gradients were released tell which units are turned the wrong way
 * (the flips solve a linear system); turned right, every class is refitted without it and the copy is kept when it
 * reproduces every answer: a two-layer ReLU network of the target's width, exact up to rounding. Until then the
 * attacker asks random queries (while a class was never predicted) and searches further lines (a break where the
 * predicted class changes is invisible to one class's gradient); when the copy with the linear term already
 * reproduces every answer — every unit found, but fewer equations for the flips than units (inputs × classes below the
 * hidden width) — it keeps the linear term, as two units per class.
 *
 * <p>About three queries per hidden unit, independent of the input dimension, where fitting a copy from scores alone
 * needs on the order of its weights divided by the classes.
 *
 * @param range the searched segment is t ∈ [−range, range] along a unit direction; a unit whose hyperplane is crossed
 *     further out (nearly parallel to the line) is missed
 * @param maxQueries the most queries the attacker makes; the search stops there and solves with what it has
 * @param seed the seed of the line and of the extra queries
 */
public record ReluReconstruction(double range, int maxQueries, long seed) {

    /** Relative tolerance of "this value lies on that line" and "these gradients are equal". */
    private static final double TOLERANCE = 1e-10;

    /**
     * Most lines searched: a break where the predicted class changes is invisible to one class's gradient, and its unit
     * is then found on another line.
     */
    private static final int LINES = 4;

    /** Most random queries spent on finding a point of each class whose gradient was not seen. */
    private static final int EXTRA_QUERIES_PER_CLASS = 20;

    public ReluReconstruction {
        if (!(range > 0) || maxQueries < 2) {
            throw new IllegalArgumentException("reconstruction needs a positive range and ≥ 2 queries, got " + range
                    + " and " + maxQueries);
        }
    }

    /**
     * What the reconstruction produced.
     *
     * @param copy the reconstructed network
     * @param queries queries made to the target
     * @param units hidden units found
     */
    public record Result(TwoLayerNet copy, int queries, int units) {
    }

    /** One answered query: where on the line (NaN off it), the input, every logit, the class and its gradient. */
    private record Answer(double t, double[] x, double[] logits, int predicted, double[] gradient) {

        /** The predicted class's slope along direction {@code u}. */
        double slope(double[] u) {
            return dot(gradient, u);
        }
    }

    /** A hidden unit relu(normal·x + offset), up to orientation and scale. */
    private record Unit(double[] normal, double offset) {

        double activation(double[] x) {
            return Math.max(0, dot(normal, x) + offset);
        }

        /** Whether {@code other} is the same hyperplane, either way round. */
        boolean sameHyperplane(Unit other) {
            double cosine = dot(normal, other.normal);
            return Math.abs(cosine) > 1 - 1e-9
                    && Math.abs(offset - Math.signum(cosine) * other.offset) <= 1e-7 * (1 + Math.abs(offset));
        }

        /** The same hyperplane, active on the other side. */
        Unit turned() {
            double[] n = normal.clone();
            for (int i = 0; i < n.length; i++) {
                n[i] = -n[i];
            }
            return new Unit(n, -offset);
        }
    }

    /** The target as the attacker sees it: answers to queries, counted. */
    private static final class Oracle {
        private final TwoLayerNet target;
        private final List<Answer> answers = new ArrayList<>();

        Oracle(TwoLayerNet target) {
            this.target = target;
        }

        Answer ask(double t, double[] x) {
            double[] z = target.logits(x);
            int c = Vectors.argmax(z);
            Answer a = new Answer(t, x, z, c, target.inputGradient(x, c));
            answers.add(a);
            return a;
        }
    }

    /** Queries {@code target} and reconstructs it. */
    public Result reconstruct(TwoLayerNet target) {
        int d = target.inputs();
        SplittableRandom random = new SplittableRandom(seed);
        Oracle oracle = new Oracle(target);
        int outputs = target.outputs();
        List<Unit> units = new ArrayList<>();
        TwoLayerNet copy = null;
        for (int line = 0; line < LINES && copy == null && oracle.answers.size() < maxQueries; line++) {
            double[] p = TwoLayerNet.gaussian(1, d, 1, random)[0];
            double[] u = TwoLayerNet.gaussian(1, d, 1, random)[0];
            double norm = Math.sqrt(dot(u, u));
            for (int i = 0; i < d; i++) {
                u[i] /= norm;
            }
            for (Unit found : searchLine(oracle, p, u)) {
                if (units.stream().noneMatch(found::sameHyperplane)) {
                    units.add(found);
                }
            }
            copy = oriented(units, oracle.answers, d, outputs);
            for (int extra = 0; copy == null && !everyClassPredicted(oracle.answers, outputs)
                    && extra < EXTRA_QUERIES_PER_CLASS * outputs && oracle.answers.size() < maxQueries; extra++) {
                oracle.ask(Double.NaN, TwoLayerNet.gaussian(1, d, 1, random)[0]);
                copy = oriented(units, oracle.answers, d, outputs);
            }
            if (copy == null && everyClassPredicted(oracle.answers, outputs)
                    && linearTermFits(units, oracle.answers, d, outputs)) {
                copy = withLinearTerm(units, oracle.answers, d, outputs);
            }
        }
        return new Result(copy != null ? copy : withLinearTerm(units, oracle.answers, d, outputs),
                oracle.answers.size(), units.size());
    }

    /**
     * Whether the copy with a linear term reproduces every answer: then every unit was found, and only the
     * orientations are unsettled (fewer equations than units: inputs × classes below the hidden width).
     */
    private static boolean linearTermFits(List<Unit> units, List<Answer> answers, int d, int outputs) {
        for (int k = 0; k < outputs; k++) {
            if (!(fitClass(units, answers, k, d, true).residual() <= 1e-7)) {
                return false;
            }
        }
        return true;
    }

    private static boolean everyClassPredicted(List<Answer> answers, int outputs) {
        for (int k = 0; k < outputs; k++) {
            if (!predictedSomewhere(answers, k)) {
                return false;
            }
        }
        return true;
    }

    /** Finds every break on the segment x(t) = p + t·u, t ∈ [−range, range]. */
    private List<Unit> searchLine(Oracle oracle, double[] p, double[] u) {
        List<Unit> units = new ArrayList<>();
        Deque<Answer[]> open = new ArrayDeque<>();
        open.push(new Answer[] {oracle.ask(-range, at(p, u, -range)), oracle.ask(range, at(p, u, range))});
        double shortest = range * 1e-12;
        while (!open.isEmpty() && oracle.answers.size() < maxQueries) {
            Answer[] ends = open.pop();
            Answer a = ends[0];
            Answer b = ends[1];
            boolean mixed = a.predicted() != b.predicted();
            if (b.t() - a.t() < (mixed ? 1e-6 * (1 + Math.abs(a.t())) : shortest)
                    || !mixed && equal(a.gradient(), b.gradient())
                    || mixed && continuesTo(a, b, u) && continuesTo(b, a, u)) {
                continue;
            }
            double sa = a.slope(u);
            double sb = b.slope(u);
            double crossing = (b.logits()[b.predicted()] - sb * b.t() - a.logits()[a.predicted()] + sa * a.t())
                    / (sa - sb);
            double margin = 1e-7 * (1 + Math.abs(crossing));
            boolean inside = crossing - margin > a.t() && crossing + margin < b.t();
            if (mixed || !inside) {
                Answer middle = ask(oracle, p, u, inside ? crossing : middle(a.t(), b.t()));
                open.push(new Answer[] {middle, b});
                open.push(new Answer[] {a, middle});
                continue;
            }
            Answer before = ask(oracle, p, u, crossing - margin);
            if (!sameLinearPiece(a, before, u)) {
                open.push(new Answer[] {before, b});
                open.push(new Answer[] {a, before});
                continue;
            }
            Answer after = oracle.answers.size() < maxQueries ? ask(oracle, p, u, crossing + margin) : null;
            if (after == null || !sameLinearPiece(b, after, u)) {
                if (after != null) {
                    open.push(new Answer[] {after, b});
                    open.push(new Answer[] {before, after});
                }
                continue;
            }
            double[] jump = new double[u.length];
            for (int i = 0; i < jump.length; i++) {
                jump[i] = b.gradient()[i] - a.gradient()[i];
            }
            double length = Math.sqrt(dot(jump, jump));
            for (int i = 0; i < jump.length; i++) {
                jump[i] /= length;
            }
            units.add(new Unit(jump, -dot(jump, at(p, u, crossing))));
        }
        return units;
    }

    /**
     * The middle of [s, t] on an asinh scale: the arithmetic middle near the data, the geometric one far out, so that
     * halving a segment that reaches far out comes back to the data's scale in a few steps.
     */
    private static double middle(double s, double t) {
        double m = Math.sinh((asinh(s) + asinh(t)) / 2);
        return m > s && m < t ? m : (s + t) / 2;
    }

    private static double asinh(double x) {
        return Math.copySign(Math.log(Math.abs(x) + Math.sqrt(x * x + 1)), x);
    }

    private static Answer ask(Oracle oracle, double[] p, double[] u, double t) {
        return oracle.ask(t, at(p, u, t));
    }

    /** Whether {@code other} lies on {@code known}'s linear piece: same class, same gradient, value on its line. */
    private static boolean sameLinearPiece(Answer known, Answer other, double[] u) {
        return known.predicted() == other.predicted() && equal(known.gradient(), other.gradient())
                && continuesTo(known, other, u);
    }

    /** Whether the logit of {@code from}'s class, continued along its slope, meets its value at {@code to}. */
    private static boolean continuesTo(Answer from, Answer to, double[] u) {
        int c = from.predicted();
        double expected = from.logits()[c] + from.slope(u) * (to.t() - from.t());
        double scale = Math.max(1, Math.max(Math.abs(from.logits()[c]), Math.abs(to.logits()[c])));
        return Math.abs(to.logits()[c] - expected) <= TOLERANCE * scale;
    }

    private static boolean equal(double[] g, double[] h) {
        double scale = 0;
        double gap = 0;
        for (int i = 0; i < g.length; i++) {
            scale = Math.max(scale, Math.max(Math.abs(g[i]), Math.abs(h[i])));
            gap = Math.max(gap, Math.abs(g[i] - h[i]));
        }
        return gap <= TOLERANCE * scale;
    }

    /**
     * The copy with every unit turned the right way, or null while the answers do not settle it. Fitted with a linear
     * term, a class whose gradient was released has L_k = −Σ_{j flipped} A_kj n_j (a·relu(−s) = a·relu(s) − a·s), so
     * the flipped units solve a linear system over the classes seen; with them turned, every class — seen or not — is
     * fitted without a linear term, and the result is kept only if it reproduces every answer.
     */
    private static TwoLayerNet oriented(List<Unit> units, List<Answer> answers, int d, int outputs) {
        int m = units.size();
        List<double[]> rows = new ArrayList<>();
        List<Double> targets = new ArrayList<>();
        for (int k = 0; k < outputs; k++) {
            if (!predictedSomewhere(answers, k)) {
                continue;
            }
            double[] fit = fitClass(units, answers, k, d, true).coefficients();
            for (int i = 0; i < d; i++) {
                double[] row = new double[m];
                for (int j = 0; j < m; j++) {
                    row[j] = fit[j] * units.get(j).normal()[i];
                }
                rows.add(row);
                targets.add(-fit[m + i]);
            }
        }
        if (rows.size() < m) {
            return null;
        }
        double[] flips = leastSquares(rows, targets, m);
        List<Unit> turned = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            if (Math.abs(flips[j] - Math.rint(flips[j])) > 1e-6 || Math.abs(Math.rint(flips[j]) - 0.5) != 0.5) {
                return null;
            }
            Unit unit = units.get(j);
            turned.add(flips[j] > 0.5 ? unit.turned() : unit);
        }
        double[][] w2 = new double[outputs][];
        double[] b2 = new double[outputs];
        for (int k = 0; k < outputs; k++) {
            ClassFit fit = fitClass(turned, answers, k, d, false);
            if (!(fit.residual() <= 1e-7)) {
                return null;
            }
            w2[k] = java.util.Arrays.copyOf(fit.coefficients(), m);
            b2[k] = fit.coefficients()[m];
        }
        double[][] w1 = new double[m][];
        double[] b1 = new double[m];
        for (int j = 0; j < m; j++) {
            w1[j] = turned.get(j).normal();
            b1[j] = turned.get(j).offset();
        }
        return new TwoLayerNet(w1, b1, w2, b2);
    }

    private static boolean predictedSomewhere(List<Answer> answers, int k) {
        return answers.stream().anyMatch(a -> a.predicted() == k);
    }

    /**
     * The copy when the orientations stay unsettled: each unit as found, and per class a linear term, held as two
     * units (relu(L·x) − relu(−L·x) = L·x); exact for every class whose gradient was released.
     */
    private static TwoLayerNet withLinearTerm(List<Unit> units, List<Answer> answers, int d, int outputs) {
        int m = units.size();
        double[][] w1 = new double[m + 2 * outputs][];
        double[] b1 = new double[m + 2 * outputs];
        double[][] w2 = new double[outputs][m + 2 * outputs];
        double[] b2 = new double[outputs];
        for (int j = 0; j < m; j++) {
            w1[j] = units.get(j).normal().clone();
            b1[j] = units.get(j).offset();
        }
        for (int k = 0; k < outputs; k++) {
            double[] fit = fitClass(units, answers, k, d, true).coefficients();
            System.arraycopy(fit, 0, w2[k], 0, m);
            b2[k] = fit[m + d];
            w1[m + 2 * k] = java.util.Arrays.copyOfRange(fit, m, m + d);
            w1[m + 2 * k + 1] = new double[d];
            for (int i = 0; i < d; i++) {
                w1[m + 2 * k + 1][i] = -fit[m + i];
            }
            w2[k][m + 2 * k] = 1;
            w2[k][m + 2 * k + 1] = -1;
        }
        return new TwoLayerNet(w1, b1, w2, b2);
    }

    /**
     * A class's output weights over the units' activations (then, with {@code linear}, a linear term over the input)
     * and its bias, and the largest residual relative to the answers' scale.
     */
    private record ClassFit(double[] coefficients, double residual) {
    }

    /**
     * Least squares over every query's score of class k and the gradients of the queries that predicted k; score rows
     * are scaled by 1 / (1 + ‖x‖), as the segment's ends lie far out.
     */
    private static ClassFit fitClass(List<Unit> units, List<Answer> answers, int k, int d, boolean linear) {
        int m = units.size();
        int columns = m + (linear ? d : 0) + 1;
        List<double[]> rows = new ArrayList<>();
        List<Double> targets = new ArrayList<>();
        double scale = 0;
        for (Answer a : answers) {
            double weight = 1 / (1 + Math.sqrt(dot(a.x(), a.x())));
            double[] row = new double[columns];
            for (int j = 0; j < m; j++) {
                row[j] = weight * units.get(j).activation(a.x());
            }
            if (linear) {
                for (int i = 0; i < d; i++) {
                    row[m + i] = weight * a.x()[i];
                }
            }
            row[columns - 1] = weight;
            rows.add(row);
            targets.add(weight * a.logits()[k]);
            scale = Math.max(scale, weight * Math.abs(a.logits()[k]));
            if (a.predicted() == k) {
                for (int i = 0; i < d; i++) {
                    double[] gradientRow = new double[columns];
                    for (int j = 0; j < m; j++) {
                        Unit unit = units.get(j);
                        gradientRow[j] = unit.activation(a.x()) > 0 ? unit.normal()[i] : 0;
                    }
                    if (linear) {
                        gradientRow[m + i] = 1;
                    }
                    rows.add(gradientRow);
                    targets.add(a.gradient()[i]);
                    scale = Math.max(scale, Math.abs(a.gradient()[i]));
                }
            }
        }
        double[] solution = leastSquares(rows, targets, columns);
        double residual = 0;
        for (int r = 0; r < rows.size(); r++) {
            residual = Math.max(residual, Math.abs(dot(rows.get(r), solution) - targets.get(r)));
        }
        return new ClassFit(solution, residual / Math.max(scale, Double.MIN_NORMAL));
    }

    private static double[] leastSquares(List<double[]> rows, List<Double> targets, int columns) {
        DMatrixRMaj a = new DMatrixRMaj(rows.size(), columns);
        DMatrixRMaj y = new DMatrixRMaj(rows.size(), 1);
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < columns; c++) {
                a.set(r, c, rows.get(r)[c]);
            }
            y.set(r, 0, targets.get(r));
        }
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.leastSquaresQrPivot(true, false);
        if (!solver.setA(a)) {
            throw new IllegalStateException("a least-squares system of the reconstruction is singular");
        }
        DMatrixRMaj x = new DMatrixRMaj(columns, 1);
        solver.solve(y, x);
        return x.getData();
    }

    private static double[] at(double[] p, double[] u, double t) {
        double[] x = new double[p.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = p[i] + t * u[i];
        }
        return x;
    }
}
