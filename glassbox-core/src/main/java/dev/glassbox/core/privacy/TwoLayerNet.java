package dev.glassbox.core.privacy;

import java.util.SplittableRandom;

/**
 * A two-layer ReLU network z = W₂ relu(W₁ x + b₁) + b₂ held as plain arrays, with its input gradients and the
 * parameter gradients that an extraction attacker needs to fit a copy to released scores and gradient explanations.
 * The input gradient of logit c is ∇ₓ z_c = W₁ᵀ (m ⊙ W₂[c, :]) with m = 1[W₁ x + b₁ > 0]; it is piecewise constant
 * in the weights' activation pattern, which is what lets gradients reveal the first layer (Milli et al. 2019).
 *
 * @param w1 first-layer weights, hidden × inputs
 * @param b1 first-layer biases
 * @param w2 second-layer weights, outputs × hidden
 * @param b2 second-layer biases
 */
public record TwoLayerNet(double[][] w1, double[] b1, double[][] w2, double[] b2) {

    /** A network with He-initialised weights (normal, variance 2 / fan-in) and zero biases, drawn from {@code seed}. */
    public static TwoLayerNet random(int inputs, int hidden, int outputs, long seed) {
        if (inputs < 1 || hidden < 1 || outputs < 2) {
            throw new IllegalArgumentException("a two-layer net needs ≥ 1 input, ≥ 1 hidden unit and ≥ 2 outputs, got "
                    + inputs + ", " + hidden + ", " + outputs);
        }
        SplittableRandom random = new SplittableRandom(seed);
        return new TwoLayerNet(gaussian(hidden, inputs, Math.sqrt(2.0 / inputs), random), new double[hidden],
                gaussian(outputs, hidden, Math.sqrt(2.0 / hidden), random), new double[outputs]);
    }

    static double[][] gaussian(int rows, int cols, double scale, SplittableRandom random) {
        double[][] out = new double[rows][cols];
        for (double[] row : out) {
            for (int j = 0; j < cols; j++) {
                row[j] = scale * normal(random);
            }
        }
        return out;
    }

    static double normal(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /** The number of inputs. */
    public int inputs() {
        return w1[0].length;
    }

    /** The number of outputs. */
    public int outputs() {
        return w2.length;
    }

    /** The first layer's pre-activations W₁ x + b₁. */
    double[] hidden(double[] x) {
        double[] a = b1.clone();
        for (int j = 0; j < a.length; j++) {
            for (int i = 0; i < x.length; i++) {
                a[j] += w1[j][i] * x[i];
            }
        }
        return a;
    }

    /** The logits z(x). */
    public double[] logits(double[] x) {
        double[] a = hidden(x);
        double[] z = b2.clone();
        for (int c = 0; c < z.length; c++) {
            for (int j = 0; j < a.length; j++) {
                z[c] += w2[c][j] * Math.max(0, a[j]);
            }
        }
        return z;
    }

    /** The predicted class: the largest logit. */
    public int predict(double[] x) {
        return dev.glassbox.core.math.Vectors.argmax(logits(x));
    }

    /** ∇ₓ z_c: the gradient explanation (saliency) of class c at x. */
    public double[] inputGradient(double[] x, int c) {
        double[] a = hidden(x);
        double[] g = new double[x.length];
        for (int j = 0; j < a.length; j++) {
            if (a[j] > 0) {
                for (int i = 0; i < g.length; i++) {
                    g[i] += w1[j][i] * w2[c][j];
                }
            }
        }
        return g;
    }

    /** A zero network of the same shape, to accumulate gradients in. */
    TwoLayerNet zerosLike() {
        return new TwoLayerNet(new double[w1.length][w1[0].length], new double[b1.length],
                new double[w2.length][w2[0].length], new double[b2.length]);
    }

    /**
     * Adds to {@code grad} the parameter gradient of valueWeight · ‖z(x) − targetLogits‖² (or, when
     * {@code targetLogits} is null, valueWeight · CE(softmax(z(x)), c): the label alone) plus gradientWeight ·
     * ‖∇ₓ z_c(x) − targetGradient‖² (skipped when {@code targetGradient} is null), and returns the loss. The
     * indicator m has zero derivative almost everywhere, so the gradient term's derivative is
     * ∂/∂W₁[j, :] = 2 w m_j W₂[c, j] u and ∂/∂W₂[c, j] = 2 w m_j (W₁[j, :] · u) with u = ∇ₓ z_c − target.
     */
    double accumulate(TwoLayerNet grad, double[] x, double[] targetLogits, double valueWeight, int c,
            double[] targetGradient, double gradientWeight) {
        double[] a = hidden(x);
        double[] z = b2.clone();
        for (int k = 0; k < z.length; k++) {
            for (int j = 0; j < a.length; j++) {
                z[k] += w2[k][j] * Math.max(0, a[j]);
            }
        }
        double loss = 0;
        double[] dz = new double[z.length];
        if (targetLogits == null) {
            double[] p = dev.glassbox.core.math.Vectors.softmax(z);
            loss -= valueWeight * Math.log(Math.max(p[c], Double.MIN_NORMAL));
            for (int k = 0; k < z.length; k++) {
                dz[k] = valueWeight * (p[k] - (k == c ? 1 : 0));
            }
        } else {
            for (int k = 0; k < z.length; k++) {
                double e = z[k] - targetLogits[k];
                loss += valueWeight * e * e;
                dz[k] = 2 * valueWeight * e;
            }
        }
        double[] da = new double[a.length];
        for (int k = 0; k < z.length; k++) {
            grad.b2[k] += dz[k];
            for (int j = 0; j < a.length; j++) {
                if (a[j] > 0) {
                    grad.w2[k][j] += dz[k] * a[j];
                    da[j] += dz[k] * w2[k][j];
                }
            }
        }
        for (int j = 0; j < a.length; j++) {
            if (da[j] != 0) {
                grad.b1[j] += da[j];
                for (int i = 0; i < x.length; i++) {
                    grad.w1[j][i] += da[j] * x[i];
                }
            }
        }
        if (targetGradient != null) {
            double[] u = inputGradient(x, c);
            for (int i = 0; i < u.length; i++) {
                u[i] -= targetGradient[i];
                loss += gradientWeight * u[i] * u[i];
            }
            for (int j = 0; j < a.length; j++) {
                if (a[j] > 0) {
                    double dot = 0;
                    for (int i = 0; i < u.length; i++) {
                        dot += w1[j][i] * u[i];
                        grad.w1[j][i] += 2 * gradientWeight * w2[c][j] * u[i];
                    }
                    grad.w2[c][j] += 2 * gradientWeight * dot;
                }
            }
        }
        return loss;
    }

    /** Every weight and bias in one array (W₁, b₁, W₂, b₂, row after row), for optimisers. */
    double[] flat() {
        int h = b1.length;
        int d = inputs();
        int k = outputs();
        double[] out = new double[h * d + h + k * h + k];
        int p = 0;
        for (double[] row : w1) {
            System.arraycopy(row, 0, out, p, d);
            p += d;
        }
        System.arraycopy(b1, 0, out, p, h);
        p += h;
        for (double[] row : w2) {
            System.arraycopy(row, 0, out, p, h);
            p += h;
        }
        System.arraycopy(b2, 0, out, p, k);
        return out;
    }

    /** Writes {@code values} (laid out as {@link #flat()}) into this network's arrays. */
    void set(double[] values) {
        int p = 0;
        for (double[] row : w1) {
            System.arraycopy(values, p, row, 0, row.length);
            p += row.length;
        }
        System.arraycopy(values, p, b1, 0, b1.length);
        p += b1.length;
        for (double[] row : w2) {
            System.arraycopy(values, p, row, 0, row.length);
            p += row.length;
        }
        System.arraycopy(values, p, b2, 0, b2.length);
    }
}
