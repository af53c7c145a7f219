package dev.glassbox.core.inspect;

import static dev.glassbox.core.math.Vectors.dot;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * L2-regularised logistic regression telling concept examples (label +1) from others (−1): the linear classifier
 * whose normal is a concept activation vector. The examples are first centred on their mean μ; it then minimises
 * Σ_i log(1 + exp(−y_i (w·(x_i − μ) + b))) + ‖(w, b)‖² / (2C), the intercept being a constant feature of value 1
 * regularised like the weights (scikit-learn's {@code LogisticRegression(C=C, fit_intercept=False)} on centred inputs
 * with a column of ones appended). Centring keeps the regularised intercept from pulling the boundary off the data.
 *
 * <p>Activations have far more dimensions than there are examples, so the fit runs in the examples' span: (w, b) =
 * Σ_i α_i (x_i − μ, 1) by the representer theorem, with the Gram matrix K = X_c X_cᵀ + 1. Newton's method on α
 * solves (K D K + λK) Δ = −K (g + λα) per step (λ = 1/C, g_i = −y_i σ(−y_i f_i), D = diag σ(f)σ(−f), f = Kα; a tiny
 * jitter keeps the system positive definite where K is singular), with a backtracking line search; it stops when the gradient with respect to (w, b) has norm below {@link #TOLERANCE}.
 * Deterministic: the same examples give the same vector.
 */
public final class ConceptClassifier {
    /** The gradient norm at which the fit stops. */
    public static final double TOLERANCE = 1e-9;
    private static final int MAX_ITERATIONS = 200;
    private static final double ARMIJO = 1e-4;

    private final float[] weights;
    private final double bias;
    private final boolean converged;

    private ConceptClassifier(float[] weights, double bias, boolean converged) {
        this.weights = weights;
        this.bias = bias;
        this.converged = converged;
    }

    /**
     * Fits the classifier.
     *
     * @param positives the concept's examples, each of the same length
     * @param negatives the other examples
     * @param c the inverse regularisation strength C (&gt; 0)
     */
    public static ConceptClassifier fit(float[][] positives, float[][] negatives, double c) {
        if (positives.length == 0 || negatives.length == 0) {
            throw new IllegalArgumentException("a concept classifier needs examples of both kinds, got "
                    + positives.length + " concept and " + negatives.length + " other examples");
        }
        if (!(c > 0) || Double.isInfinite(c)) {
            throw new IllegalArgumentException("the inverse regularisation strength C must be positive and finite, got "
                    + c);
        }
        int n = positives.length + negatives.length;
        float[][] x = new float[n][];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i < positives.length ? positives[i] : negatives[i - positives.length];
            y[i] = i < positives.length ? 1 : -1;
            if (x[i].length != x[0].length) {
                throw new IllegalArgumentException("every example must have " + x[0].length + " values, example " + i
                        + " has " + x[i].length);
            }
        }
        double[] mean = new double[x[0].length];
        for (float[] row : x) {
            for (int k = 0; k < mean.length; k++) {
                mean[k] += row[k] / (double) n;
            }
        }
        float[][] centred = new float[n][mean.length];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < mean.length; k++) {
                centred[i][k] = (float) (x[i][k] - mean[k]);
            }
        }
        double lambda = 1 / c;
        double[][] gram = gram(centred);
        double[] alpha = new double[n];
        boolean converged = false;
        for (int iteration = 0; iteration < MAX_ITERATIONS && !converged; iteration++) {
            double[] f = times(gram, alpha);
            double[] residual = new double[n];
            double[] curvature = new double[n];
            for (int i = 0; i < n; i++) {
                double margin = y[i] * f[i];
                residual[i] = -y[i] * sigmoid(-margin) + lambda * alpha[i];
                curvature[i] = sigmoid(margin) * sigmoid(-margin);
            }
            double[] gradient = times(gram, residual);
            if (Math.sqrt(Math.max(0, dot(residual, gradient))) < TOLERANCE) {
                converged = true;
                break;
            }
            double[] step = solve(hessian(gram, curvature, lambda), gradient);
            double slope = -dot(gradient, step);
            double before = objective(gram, alpha, y, lambda);
            double length = 1;
            while (length > 1e-12) {
                double[] trial = new double[n];
                for (int i = 0; i < n; i++) {
                    trial[i] = alpha[i] - length * step[i];
                }
                if (objective(gram, trial, y, lambda) <= before + ARMIJO * length * slope) {
                    alpha = trial;
                    break;
                }
                length /= 2;
            }
            if (length <= 1e-12) {
                converged = true; // no step decreases the objective any more: at the optimum up to rounding
            }
        }
        double[] w = new double[mean.length];
        double b = 0;
        for (int i = 0; i < n; i++) {
            b += alpha[i];
            for (int k = 0; k < w.length; k++) {
                w[k] += alpha[i] * centred[i][k];
            }
        }
        float[] weights = new float[w.length];
        for (int k = 0; k < w.length; k++) {
            weights[k] = (float) w[k];
            b -= w[k] * mean[k];
        }
        return new ConceptClassifier(weights, b, converged);
    }

    /** The weights w: the normal of the decision boundary, pointing towards the concept. */
    public float[] weights() {
        return weights.clone();
    }

    /** The intercept in uncentred coordinates, b − w·μ: the decision is w·x + this. */
    public double bias() {
        return bias;
    }

    /** Whether Newton's method reached its tolerance. */
    public boolean converged() {
        return converged;
    }

    /** w·x + b: positive on the concept's side. */
    public double decision(float[] x) {
        double sum = bias;
        for (int k = 0; k < weights.length; k++) {
            sum += weights[k] * (double) x[k];
        }
        return sum;
    }

    /** The share of examples classified correctly (concept examples with a positive decision, others not). */
    public double accuracy(float[][] positives, float[][] negatives) {
        int correct = 0;
        for (float[] p : positives) {
            correct += decision(p) > 0 ? 1 : 0;
        }
        for (float[] q : negatives) {
            correct += decision(q) > 0 ? 0 : 1;
        }
        return correct / (double) (positives.length + negatives.length);
    }

    /** K = X Xᵀ + 1 (the constant feature). */
    private static double[][] gram(float[][] x) {
        int n = x.length;
        double[][] k = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = 1;
                for (int d = 0; d < x[i].length; d++) {
                    sum += x[i][d] * (double) x[j][d];
                }
                k[i][j] = sum;
                k[j][i] = sum;
            }
        }
        return k;
    }

    /** Σ log(1 + exp(−y f)) + λ αᵀKα / 2, with f = Kα. */
    private static double objective(double[][] gram, double[] alpha, double[] y, double lambda) {
        double[] f = times(gram, alpha);
        double sum = lambda * dot(alpha, f) / 2;
        for (int i = 0; i < f.length; i++) {
            sum += softplus(-y[i] * f[i]);
        }
        return sum;
    }

    /**
     * The Hessian with respect to α, K D K + λK, plus a jitter of 1e-10 × its largest diagonal entry (and 1e-300)
     * so that Cholesky succeeds where K is singular (more examples than dimensions, or repeated examples): directions
     * in K's null space change neither the decision function nor the objective.
     */
    private static DMatrixRMaj hessian(double[][] gram, double[] curvature, double lambda) {
        int n = curvature.length;
        DMatrixRMaj h = new DMatrixRMaj(n, n);
        double largest = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = lambda * gram[i][j];
                for (int m = 0; m < n; m++) {
                    sum += gram[i][m] * curvature[m] * gram[m][j];
                }
                h.set(i, j, sum);
                h.set(j, i, sum);
            }
            largest = Math.max(largest, h.get(i, i));
        }
        for (int i = 0; i < n; i++) {
            h.add(i, i, 1e-10 * largest + 1e-300);
        }
        return h;
    }

    private static double[] solve(DMatrixRMaj system, double[] rhs) {
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.chol(rhs.length);
        if (!solver.setA(system)) {
            throw new IllegalStateException("the Newton system of the concept classifier is not positive definite");
        }
        DMatrixRMaj out = new DMatrixRMaj(rhs.length, 1);
        solver.solve(new DMatrixRMaj(rhs.length, 1, true, rhs), out);
        return out.getData();
    }

    private static double[] times(double[][] matrix, double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = dot(matrix[i], v);
        }
        return out;
    }

    private static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    private static double softplus(double z) {
        return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    }
}
