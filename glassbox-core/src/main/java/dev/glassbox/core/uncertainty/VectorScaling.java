package dev.glassbox.core.uncertainty;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.math.NewtonMinimizer;
import dev.glassbox.core.math.Vectors;
import java.util.Arrays;

/**
 * Vector scaling (Guo et al. 2017): a scale and a bias per class, {@code p = softmax(w ⊙ z + b)}, fitted by minimising
 * the mean negative log-likelihood of validation labels plus a small ridge penalty
 * {@code (λ/2)(‖w − 1‖² + ‖b‖²)}. Unlike temperature scaling it can change the predicted class.
 *
 * <p>The calibrated logits are linear in the 2K parameters, so the objective is convex; Newton's method with the
 * exact Hessian and a line search solves it to convergence. The penalty makes the minimum unique (adding a constant
 * to every bias changes nothing, and it picks the biases that sum to zero) and finite when a class never occurs in
 * the validation labels; its default, {@value #DEFAULT_L2}, barely moves the parameters otherwise.
 */
public final class VectorScaling implements LogitCalibrator {
    /** The default ridge penalty λ. */
    public static final double DEFAULT_L2 = 1e-4;

    private static final NewtonMinimizer NEWTON = new NewtonMinimizer(1e-9, 100);

    private final double[] scales;
    private final double[] biases;
    private final CalibrationFit summary;

    private VectorScaling(double[] parameters, float[][] logits, int[] labels, int iterations) {
        this.scales = scalesOf(parameters);
        this.biases = biasesOf(parameters);
        this.summary = CalibrationFit.measure(logits, labels, this, iterations);
    }

    /** Fits per-class scales and biases with the default ridge penalty. */
    public static VectorScaling fit(float[][] logits, int[] labels) {
        return fit(logits, labels, DEFAULT_L2);
    }

    /** Fits per-class scales and biases with ridge penalty {@code l2 > 0}. */
    public static VectorScaling fit(float[][] logits, int[] labels, double l2) {
        int classes = Checks.logits(logits);
        Checks.labels(labels, logits.length, classes);
        if (!(l2 > 0) || Double.isInfinite(l2)) {
            throw new InvalidInputException("vector scaling needs a positive finite ridge penalty, got " + l2);
        }
        double[] identity = new double[2 * classes];
        Arrays.fill(identity, 0, classes, 1);
        NewtonMinimizer.Result result = NEWTON.minimize(new PenalisedNll(logits, labels, l2, identity), identity);
        if (!result.converged()) {
            throw new IllegalStateException("vector scaling did not converge in " + result.iterations()
                    + " Newton steps (gradient " + result.gradientNorm() + ")");
        }
        return new VectorScaling(result.argmin(), logits, labels, result.iterations());
    }

    /** The fitted per-class scales {@code w}. */
    public double[] scales() {
        return scales.clone();
    }

    /** The fitted per-class biases {@code b}. */
    public double[] biases() {
        return biases.clone();
    }

    @Override
    public double[][] calibratedLogits(float[][] logits) {
        int classes = Checks.logits(logits);
        if (classes != scales.length) {
            throw new InvalidInputException("vector scaling was fitted on " + scales.length + " classes, got logits "
                    + "with " + classes);
        }
        double[][] out = new double[logits.length][];
        for (int i = 0; i < logits.length; i++) {
            out[i] = transform(logits[i], scales, biases);
        }
        return out;
    }

    @Override
    public String description() {
        return "vector scaling (" + scales.length + " scales and biases)";
    }

    @Override
    public CalibrationFit summary() {
        return summary;
    }

    private static double[] scalesOf(double[] parameters) {
        return Arrays.copyOfRange(parameters, 0, parameters.length / 2);
    }

    private static double[] biasesOf(double[] parameters) {
        return Arrays.copyOfRange(parameters, parameters.length / 2, parameters.length);
    }

    private static double[] transform(float[] logits, double[] scales, double[] biases) {
        double[] out = new double[logits.length];
        for (int k = 0; k < logits.length; k++) {
            out[k] = scales[k] * logits[k] + biases[k];
        }
        return out;
    }

    /**
     * The penalised mean NLL over parameters {@code θ = (w_1..w_K, b_1..b_K)}, pulled towards the identity map
     * {@code θ₀ = (1..1, 0..0)}. Per sample, with {@code q = softmax(w ⊙ z + b)} and {@code C = diag(q) − q qᵀ},
     * the NLL's gradient is {@code (q − y) ⊙ z} for w and {@code q − y} for b, and its Hessian blocks are
     * {@code C ⊙ z zᵀ} (w, w), {@code C ⊙ z 1ᵀ} (w, b) and {@code C} (b, b).
     */
    private record PenalisedNll(float[][] logits, int[] labels, double l2, double[] identity)
            implements NewtonMinimizer.Objective {
        @Override
        public double value(double[] parameters) {
            double[] w = scalesOf(parameters);
            double[] b = biasesOf(parameters);
            double sum = 0;
            for (int i = 0; i < labels.length; i++) {
                double[] row = transform(logits[i], w, b);
                sum += Vectors.logSumExp(row) - row[labels[i]];
            }
            return sum / labels.length + penalty(parameters);
        }

        @Override
        public NewtonMinimizer.Evaluation evaluate(double[] parameters) {
            int classes = parameters.length / 2;
            double[] w = scalesOf(parameters);
            double[] b = biasesOf(parameters);
            double value = 0;
            double[] gradient = new double[2 * classes];
            double[][] hessian = new double[2 * classes][2 * classes];
            for (int i = 0; i < labels.length; i++) {
                float[] z = logits[i];
                double[] row = transform(z, w, b);
                double[] q = Vectors.softmax(row);
                value += Vectors.logSumExp(row) - row[labels[i]];
                for (int j = 0; j < classes; j++) {
                    double residual = q[j] - (labels[i] == j ? 1 : 0);
                    gradient[j] += residual * z[j];
                    gradient[classes + j] += residual;
                    for (int k = 0; k < classes; k++) {
                        double c = (j == k ? q[j] : 0) - q[j] * q[k];
                        hessian[j][k] += c * z[j] * z[k];
                        hessian[j][classes + k] += c * z[j];
                        hessian[classes + j][k] += c * z[k];
                        hessian[classes + j][classes + k] += c;
                    }
                }
            }
            int n = labels.length;
            for (int p = 0; p < 2 * classes; p++) {
                gradient[p] = gradient[p] / n + l2 * (parameters[p] - identity[p]);
                for (int r = 0; r < 2 * classes; r++) {
                    hessian[p][r] /= n;
                }
                hessian[p][p] += l2;
            }
            return new NewtonMinimizer.Evaluation(value / n + penalty(parameters), gradient, hessian);
        }

        private double penalty(double[] parameters) {
            double sum = 0;
            for (int p = 0; p < parameters.length; p++) {
                double d = parameters[p] - identity[p];
                sum += d * d;
            }
            return l2 / 2 * sum;
        }
    }
}
