package dev.glassbox.core.explain.perturb;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * The one weighted least-squares solver behind LIME's surrogate and Kernel SHAP: minimises {@code Σ wᵢ (yᵢ − b −
 * xᵢ·β)² + α‖β‖²}, either with the intercept {@code b} fitted (scikit-learn's {@code Ridge} with sample weights: the
 * intercept is not penalised) or with {@code b} fixed and the coefficients constrained to a given sum (Kernel SHAP's
 * efficiency constraint). Solved from the normal equations (with a Lagrange multiplier for the constraint) by QR
 * with column pivoting, so collinear or too few samples still give a solution.
 */
public final class WeightedRidge {
    private WeightedRidge() {
    }

    /**
     * A fitted linear model.
     *
     * @param coefficients one per column
     * @param intercept the fitted or fixed intercept
     * @param r2 the weighted coefficient of determination on the fitted data (1 for a perfect fit of a constant target)
     */
    public record Fit(double[] coefficients, double intercept, double r2) {
        /** The model's prediction for one row. */
        public double predict(double[] row) {
            double y = intercept;
            for (int j = 0; j < coefficients.length; j++) {
                y += coefficients[j] * row[j];
            }
            return y;
        }
    }

    /** Ridge regression with a fitted, unpenalised intercept. */
    public static Fit fit(double[][] x, double[] y, double[] weights, double alpha) {
        if (!(alpha >= 0)) {
            throw new IllegalArgumentException("the ridge penalty must be non-negative, was " + alpha);
        }
        return solve(x, y, weights, alpha, true, 0, Double.NaN);
    }

    /** Least squares with the intercept fixed and the coefficients constrained to sum to {@code coefficientSum}. */
    public static Fit fitWithSum(double[][] x, double[] y, double[] weights, double intercept, double coefficientSum) {
        return solve(x, y, weights, 0, false, intercept, coefficientSum);
    }

    private static Fit solve(double[][] x, double[] y, double[] w, double alpha, boolean fitIntercept,
            double fixedIntercept, double sum) {
        int n = y.length;
        int m = n == 0 ? 0 : x[0].length;
        if (x.length != n || w.length != n || n == 0) {
            throw new IllegalArgumentException("regression needs as many rows, targets and weights, and at least one;"
                    + " got " + x.length + ", " + n + " and " + w.length);
        }
        double totalWeight = 0;
        for (double wi : w) {
            if (!(wi >= 0 && Double.isFinite(wi))) {
                throw new IllegalArgumentException("regression weights must be non-negative and finite, found " + wi);
            }
            totalWeight += wi;
        }
        if (totalWeight <= 0) {
            throw new IllegalArgumentException("regression weights sum to zero");
        }
        double[] xMean = new double[m];
        double yMean = fixedIntercept;
        if (fitIntercept) {
            yMean = 0;
            for (int i = 0; i < n; i++) {
                yMean += w[i] * y[i] / totalWeight;
                for (int j = 0; j < m; j++) {
                    xMean[j] += w[i] * x[i][j] / totalWeight;
                }
            }
        }
        boolean constrained = !Double.isNaN(sum);
        int size = m + (constrained ? 1 : 0);
        DMatrixRMaj scaled = new DMatrixRMaj(n, m);
        DMatrixRMaj target = new DMatrixRMaj(n, 1);
        for (int i = 0; i < n; i++) {
            double root = Math.sqrt(w[i]);
            for (int j = 0; j < m; j++) {
                scaled.unsafe_set(i, j, root * (x[i][j] - xMean[j]));
            }
            target.unsafe_set(i, 0, root * (y[i] - yMean));
        }
        DMatrixRMaj gram = new DMatrixRMaj(m, m);
        CommonOps_DDRM.multTransA(scaled, scaled, gram);
        DMatrixRMaj moment = new DMatrixRMaj(m, 1);
        CommonOps_DDRM.multTransA(scaled, target, moment);

        DMatrixRMaj a = new DMatrixRMaj(size, size);
        DMatrixRMaj b = new DMatrixRMaj(size, 1);
        for (int j = 0; j < m; j++) {
            for (int k = 0; k < m; k++) {
                a.unsafe_set(j, k, gram.unsafe_get(j, k));
            }
            a.add(j, j, alpha);
            b.unsafe_set(j, 0, moment.unsafe_get(j, 0));
        }
        if (constrained) {
            for (int j = 0; j < m; j++) {
                a.unsafe_set(j, m, 1);
                a.unsafe_set(m, j, 1);
            }
            b.unsafe_set(m, 0, sum);
        }
        DMatrixRMaj solution = solveSquare(a, b);

        double[] beta = new double[m];
        double intercept = yMean;
        for (int j = 0; j < m; j++) {
            beta[j] = solution.unsafe_get(j, 0);
            intercept -= xMean[j] * beta[j];
        }
        if (!fitIntercept) {
            intercept = fixedIntercept;
        }
        Fit partial = new Fit(beta, intercept, 0);
        return new Fit(beta, intercept, r2(x, y, w, totalWeight, partial));
    }

    /** Solves {@code a·s = b} by QR with column pivoting, which also copes with singular (rank-deficient) systems. */
    private static DMatrixRMaj solveSquare(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj solution = new DMatrixRMaj(a.numRows, 1);
        LinearSolverDense<DMatrixRMaj> qr = LinearSolverFactory_DDRM.leastSquaresQrPivot(true, false);
        if (!qr.setA(a.copy())) {
            throw new IllegalStateException("the regression's normal equations could not be decomposed");
        }
        qr.solve(b, solution);
        if (org.ejml.dense.row.MatrixFeatures_DDRM.hasUncountable(solution)) {
            throw new IllegalStateException("the regression has no finite solution: its data are not finite");
        }
        return solution;
    }

    /** Weighted R², as scikit-learn's {@code score}: 1 for a perfect fit, 0 for an imperfect fit of a constant target. */
    private static double r2(double[][] x, double[] y, double[] w, double totalWeight, Fit fit) {
        double mean = 0;
        for (int i = 0; i < y.length; i++) {
            mean += w[i] * y[i] / totalWeight;
        }
        double residual = 0;
        double total = 0;
        for (int i = 0; i < y.length; i++) {
            double r = y[i] - fit.predict(x[i]);
            residual += w[i] * r * r;
            total += w[i] * (y[i] - mean) * (y[i] - mean);
        }
        if (total == 0) {
            return residual == 0 ? 1 : 0;
        }
        return 1 - residual / total;
    }
}
