package dev.glassbox.core.inspect;

import dev.glassbox.core.InvalidInputException;
import java.util.Arrays;

/**
 * The training objective influence functions assume the model minimises: {@code R(θ) = (1/n) Σ_i w_i L_i(θ) +
 * (λ/2)‖θ‖²} over the {@code n} training examples, every weight 1 unless an example is left out (weight 0) — so that
 * leaving one out changes nothing else, as in Koh &amp; Liang's derivation (removing {@code z} is up-weighting it by
 * {@code −1/n}).
 */
public final class RegularisedRisk {
    private final ExampleLosses losses;
    private final double l2;
    private final double[] weights;

    /** The risk of {@code losses} with every example weighted 1 and L2 strength {@code l2} ≥ 0. */
    public RegularisedRisk(ExampleLosses losses, double l2) {
        this(losses, l2, filled(losses.size()));
    }

    private RegularisedRisk(ExampleLosses losses, double l2, double[] weights) {
        if (!(l2 >= 0) || Double.isInfinite(l2)) {
            throw new InvalidInputException("the L2 strength must be finite and at least 0, got " + l2);
        }
        this.losses = losses;
        this.l2 = l2;
        this.weights = weights;
    }

    /** The same risk with example {@code i} left out (weight 0); the normalisation 1/n stays. */
    public RegularisedRisk without(int i) {
        double[] w = weights.clone();
        w[i] = 0;
        return new RegularisedRisk(losses, l2, w);
    }

    /** The same risk with other example weights (a stochastic estimate over a mini-batch, for instance). */
    RegularisedRisk reweighted(double[] newWeights) {
        return new RegularisedRisk(losses, l2, newWeights);
    }

    /** The per-example losses. */
    public ExampleLosses losses() {
        return losses;
    }

    /** The L2 strength λ. */
    public double l2() {
        return l2;
    }

    /** The number of training examples n. */
    public int count() {
        return losses.size();
    }

    /** {@code R(θ)}. */
    public double value(double[] theta) {
        double[] l = losses.losses(theta);
        double sum = 0;
        for (int i = 0; i < l.length; i++) {
            sum += weights[i] * l[i];
        }
        return sum / l.length + 0.5 * l2 * dot(theta, theta);
    }

    /** {@code ∇R(θ)}. */
    public double[] gradient(double[] theta) {
        double[] g = losses.weightedGradient(theta, weights);
        return combine(g, theta);
    }

    /** {@code ∇²R(θ) v}. */
    public double[] hessianTimes(double[] theta, double[] v) {
        return combine(losses.weightedHessianTimes(theta, weights, v), v);
    }

    /** {@code ∇²R(θ) v} for each of {@code vs}, one row each, sharing the per-example work where the losses can. */
    public double[][] hessianTimes(double[] theta, double[][] vs) {
        double[][] products = losses.weightedHessianTimes(theta, weights, vs);
        double[][] out = new double[vs.length][];
        for (int k = 0; k < vs.length; k++) {
            out[k] = combine(products[k], vs[k]);
        }
        return out;
    }

    /**
     * The largest eigenvalue of {@code ∇²R(θ)} (its largest curvature), by {@code iterations} steps of power iteration
     * on Hessian–vector products from a fixed start: no random draws. The Hessian of a convex risk is positive
     * semi-definite, so the largest eigenvalue is also the largest in magnitude, which power iteration finds.
     */
    public double largestCurvature(double[] theta, int iterations) {
        double[] v = new double[theta.length];
        Arrays.fill(v, 1 / Math.sqrt(theta.length));
        double value = 0;
        for (int k = 0; k < iterations; k++) {
            double[] hv = hessianTimes(theta, v);
            value = dot(v, hv);
            double norm = Math.sqrt(dot(hv, hv));
            if (norm == 0) {
                return 0;
            }
            for (int j = 0; j < v.length; j++) {
                v[j] = hv[j] / norm;
            }
        }
        return value;
    }

    /** {@code sum / n + λ · extra}. */
    private double[] combine(double[] sum, double[] extra) {
        int n = losses.size();
        double[] out = new double[sum.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = sum[j] / n + l2 * extra[j];
        }
        return out;
    }

    static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static double[] filled(int n) {
        double[] w = new double[n];
        Arrays.fill(w, 1);
        return w;
    }
}
