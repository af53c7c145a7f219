package dev.glassbox.core.privacy;

import static dev.glassbox.core.math.Vectors.dot;

import dev.glassbox.core.math.Vectors;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Reconstruction of a two-layer ReLU network from its scores and gradient explanations, after Milli, Schmidt, Dragan
 * and Hardt 2019: instead of fitting a copy, the attacker solves for the network's pieces.
 *
 * <p>Along a line x(t) = p + t·u every logit is piecewise linear in t and breaks exactly where the line crosses a
 * hidden unit's hyperplane w·x + b = 0; the gradient explanation of the predicted class is constant between breaks. A
 * query answers a logit's value and (through the gradient) its slope along the line, so two queries whose gradients
 * differ give two lines whose intersection is the break when there is only one; two queries just before and just after
 * it confirm it (each on its end's linear piece: same class, same gradient, value on the line) or split the interval.
 * Each confirmed break gives one unit: its normal is the jump of the gradient across it (±a·w), its offset follows from
 * the break's position. The output layer ({@link ReluOutputLayer}) is then linear in the units' activations and solved
 * by least squares from every answer already held — all scores and gradients — with a linear term that absorbs the
 * unknown orientation of each unit (a·relu(s) = a·s + a·relu(−s)). The linear terms of the classes whose gradients
 * were released tell which units are turned the wrong way (the flips solve a linear system); turned right, every class
 * is refitted without it and the copy is kept when it reproduces every answer: a two-layer ReLU network of the
 * target's width, exact up to rounding. Until then the attacker asks random queries (while a class was never
 * predicted) and searches further lines (a break where the predicted class changes is invisible to one class's
 * gradient); when the copy with the linear term already reproduces every answer — every unit found, but fewer
 * equations for the flips than units (inputs × classes below the hidden width) — it keeps the linear term, as two
 * units per class.
 *
 * <p>About four queries per hidden unit, independent of the input dimension, where fitting a copy from scores alone
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
    record Answer(double t, double[] x, double[] logits, int predicted, double[] gradient) {

        /** The predicted class's slope along direction {@code u}. */
        double slope(double[] u) {
            return dot(gradient, u);
        }
    }

    /** A hidden unit relu(normal·x + offset), up to orientation and scale. */
    record Unit(double[] normal, double offset) {

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
        // the linear-term fits of the current units and answers (the loop runs at least once: maxQueries ≥ 2)
        ReluOutputLayer.ClassFit[] linear = null;
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
            linear = ReluOutputLayer.linearFits(units, oracle.answers, d, outputs);
            copy = ReluOutputLayer.oriented(units, oracle.answers, linear, d);
            for (int extra = 0; copy == null && !ReluOutputLayer.everyClassPredicted(oracle.answers, outputs)
                    && extra < EXTRA_QUERIES_PER_CLASS * outputs && oracle.answers.size() < maxQueries; extra++) {
                oracle.ask(Double.NaN, TwoLayerNet.gaussian(1, d, 1, random)[0]);
                linear = ReluOutputLayer.linearFits(units, oracle.answers, d, outputs);
                copy = ReluOutputLayer.oriented(units, oracle.answers, linear, d);
            }
            if (copy == null && ReluOutputLayer.everyClassPredicted(oracle.answers, outputs)
                    && ReluOutputLayer.reproduceAnswers(linear)) {
                copy = ReluOutputLayer.withLinearTerm(units, linear, d);
            }
        }
        return new Result(copy != null ? copy : ReluOutputLayer.withLinearTerm(units, linear, d),
                oracle.answers.size(), units.size());
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

    private static double[] at(double[] p, double[] u, double t) {
        double[] x = new double[p.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = p[i] + t * u[i];
        }
        return x;
    }
}
