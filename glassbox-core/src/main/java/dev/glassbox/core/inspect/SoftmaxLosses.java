package dev.glassbox.core.inspect;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.math.Vectors;

/**
 * The cross-entropy losses of a linear softmax classifier over feature vectors (multinomial logistic regression):
 * {@code L_i(θ) = −log softmax(W x_i + b)_{y_i}}, with θ holding, class after class, that class's {@code d} weights
 * and then its bias. Gradients and Hessian–vector products are closed forms: ∇_{θ_c} L = (p_c − [c = y]) (x, 1) and
 * ∇²L v = Σ_c (x, 1) ⊗ p ⊙ (u − p·u) with u_c = θ'_c·(x, 1); the Hessian itself is {@code (diag p − p pᵀ) ⊗ (x, 1)(x, 1)ᵀ},
 * factored with {@code S = diag √p (I − √p √pᵀ)}, {@code S Sᵀ = diag p − p pᵀ}.
 */
public final class SoftmaxLosses implements FactoredExampleLosses {
    private final double[][] features;
    private final int[] labels;
    private final int classes;
    private final int width;

    /**
     * Losses of {@code features} (one row per example, all of one length) labelled {@code labels} (0 to
     * {@code classes} − 1).
     */
    public SoftmaxLosses(double[][] features, int[] labels, int classes) {
        if (features.length == 0 || features.length != labels.length || classes < 2) {
            throw new InvalidInputException("a softmax classifier needs at least one example, one label per feature row "
                    + "and at least 2 classes; got " + features.length + " rows, " + labels.length + " labels, "
                    + classes + " classes");
        }
        int d = features[0].length;
        for (int i = 0; i < features.length; i++) {
            if (features[i].length != d) {
                throw new InvalidInputException("feature row " + i + " has " + features[i].length + " values; row 0 has "
                        + d);
            }
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new InvalidInputException("label " + labels[i] + " of example " + i + " is outside 0.."
                        + (classes - 1));
            }
        }
        this.features = features;
        this.labels = labels;
        this.classes = classes;
        this.width = d + 1;
    }

    /** The number of classes. */
    public int classes() {
        return classes;
    }

    /** The class probabilities of every example at {@code theta}. */
    public double[][] probabilities(double[] theta) {
        double[][] out = new double[features.length][];
        for (int i = 0; i < features.length; i++) {
            out[i] = probabilities(theta, i);
        }
        return out;
    }

    @Override
    public int size() {
        return features.length;
    }

    @Override
    public int parameterCount() {
        return classes * width;
    }

    @Override
    public double[] losses(double[] theta) {
        double[] out = new double[features.length];
        for (int i = 0; i < out.length; i++) {
            double[] logits = logits(theta, i);
            out[i] = Vectors.logSumExp(logits) - logits[labels[i]];
        }
        return out;
    }

    @Override
    public double[][] gradients(double[] theta, int[] examples) {
        double[][] out = new double[examples.length][];
        for (int e = 0; e < examples.length; e++) {
            out[e] = new double[parameterCount()];
            addGradient(theta, examples[e], 1, out[e]);
        }
        return out;
    }

    @Override
    public double[] weightedGradient(double[] theta, double[] weights) {
        double[] out = new double[parameterCount()];
        for (int i = 0; i < features.length; i++) {
            if (weights[i] != 0) {
                addGradient(theta, i, weights[i], out);
            }
        }
        return out;
    }

    @Override
    public double[] weightedHessianTimes(double[] theta, double[] weights, double[] v) {
        return weightedHessianTimes(theta, weights, new double[][] {v})[0];
    }

    /** Each example's probabilities computed once for all the vectors. */
    @Override
    public double[][] weightedHessianTimes(double[] theta, double[] weights, double[][] vs) {
        double[][] out = new double[vs.length][parameterCount()];
        double[] u = new double[classes];
        for (int i = 0; i < features.length; i++) {
            if (weights[i] == 0) {
                continue;
            }
            double[] p = probabilities(theta, i);
            for (int k = 0; k < vs.length; k++) {
                double pu = 0;
                for (int c = 0; c < classes; c++) {
                    u[c] = affine(vs[k], c, features[i]);
                    pu += p[c] * u[c];
                }
                for (int c = 0; c < classes; c++) {
                    addRow(out[k], c, features[i], weights[i] * p[c] * (u[c] - pu));
                }
            }
        }
        return out;
    }

    /** One vector per class: {@code v_k = S_{·k} ⊗ (x, 1)}, {@code S = diag √p (I − √p √pᵀ)}. */
    @Override
    public double[][] hessianFactor(double[] theta, int example) {
        double[] p = probabilities(theta, example);
        double[][] out = new double[classes][parameterCount()];
        for (int k = 0; k < classes; k++) {
            double rootK = Math.sqrt(p[k]);
            for (int c = 0; c < classes; c++) {
                double rootC = Math.sqrt(p[c]);
                addRow(out[k], c, features[example], rootC * ((c == k ? 1 : 0) - rootC * rootK));
            }
        }
        return out;
    }

    private void addGradient(double[] theta, int i, double weight, double[] out) {
        double[] p = probabilities(theta, i);
        for (int c = 0; c < classes; c++) {
            addRow(out, c, features[i], weight * (p[c] - (c == labels[i] ? 1 : 0)));
        }
    }

    private double[] probabilities(double[] theta, int i) {
        return Vectors.softmax(logits(theta, i));
    }

    private double[] logits(double[] theta, int i) {
        double[] out = new double[classes];
        for (int c = 0; c < classes; c++) {
            out[c] = affine(theta, c, features[i]);
        }
        return out;
    }

    /** {@code θ_c · (x, 1)}. */
    private double affine(double[] theta, int c, double[] x) {
        int offset = c * width;
        double sum = theta[offset + x.length];
        for (int j = 0; j < x.length; j++) {
            sum += theta[offset + j] * x[j];
        }
        return sum;
    }

    /** {@code out_c += scale · (x, 1)}. */
    private void addRow(double[] out, int c, double[] x, double scale) {
        int offset = c * width;
        for (int j = 0; j < x.length; j++) {
            out[offset + j] += scale * x[j];
        }
        out[offset + x.length] += scale;
    }
}
