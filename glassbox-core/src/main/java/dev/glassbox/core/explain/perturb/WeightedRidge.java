package dev.glassbox.core.explain.perturb;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * The one weighted least-squares solver behind LIME's surrogate and Kernel SHAP: minimises {@code Σ wᵢ (yᵢ − b −
 * xᵢ·β)² + α‖β‖²}, either with the intercept {@code b} fitted (scikit-learn's {@code Ridge} with sample weights: the
 * intercept is not penalised) or with {@code b} fixed and the coefficients constrained to a given sum (Kernel SHAP's
 * efficiency constraint). Solved from the normal equations by Cholesky (with a Lagrange multiplier for the
 * constraint), or by QR with column pivoting when they are nearly singular, so collinear or too few samples still give
 * a solution.
 */
public final class WeightedRidge {
    /** The widest ratio of Cholesky pivots (square roots of the Gram matrix's pivots) solved without pivoting. */
    private static final double PIVOT_RANGE = 1e6;

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
        DMatrixRMaj scaled = new DMatrixRMaj(n, m);
        DMatrixRMaj target = new DMatrixRMaj(n, 1);
        for (int i = 0; i < n; i++) {
            double root = Math.sqrt(w[i]);
            for (int j = 0; j < m; j++) {
                scaled.unsafe_set(i, j, root * (x[i][j] - xMean[j]));
            }
            target.unsafe_set(i, 0, root * (y[i] - yMean));
        }
        DMatrixRMaj gram = gram(scaled);
        DMatrixRMaj moment = new DMatrixRMaj(m, 1);
        CommonOps_DDRM.multTransA(scaled, target, moment);

        for (int j = 0; j < m; j++) {
            gram.add(j, j, alpha);
        }
        double[] beta = constrained ? solveWithSum(gram, moment.data, sum) : solveSymmetric(gram, moment.data);
        double intercept = yMean;
        for (int j = 0; j < m; j++) {
            intercept -= xMean[j] * beta[j];
        }
        if (!fitIntercept) {
            intercept = fixedIntercept;
        }
        Fit partial = new Fit(beta, intercept, 0);
        return new Fit(beta, intercept, r2(x, y, w, totalWeight, partial));
    }

    /**
     * {@code AᵀA}, summed over each row's non-zero entries only: Kernel SHAP's and LIME's designs are 0/1 coalitions,
     * about half zeros, which this skips (a dense row costs what a dense product does).
     */
    private static DMatrixRMaj gram(DMatrixRMaj a) {
        int m = a.numCols;
        double[] g = new double[m * m];
        int[] nonZero = new int[m];
        for (int i = 0; i < a.numRows; i++) {
            int offset = i * m;
            int count = 0;
            for (int j = 0; j < m; j++) {
                if (a.data[offset + j] != 0) {
                    nonZero[count++] = j;
                }
            }
            for (int p = 0; p < count; p++) {
                int j = nonZero[p];
                double value = a.data[offset + j];
                for (int q = p; q < count; q++) {
                    g[j * m + nonZero[q]] += value * a.data[offset + nonZero[q]];
                }
            }
        }
        for (int j = 0; j < m; j++) {
            for (int k = j + 1; k < m; k++) {
                g[k * m + j] = g[j * m + k];
            }
        }
        return new DMatrixRMaj(m, m, true, g);
    }

    /**
     * Minimises {@code ½βᵀGβ − βᵀc} subject to {@code Σβ = sum}: with {@code u = G⁻¹c} and {@code v = G⁻¹1} the
     * multiplier is {@code λ = (Σu − sum) / Σv} and {@code β = u − λv}, one factorisation for both solves. A Gram
     * matrix too close to singular for that goes to the bordered system {@code [G 1; 1ᵀ 0]} instead.
     */
    private static double[] solveWithSum(DMatrixRMaj gram, double[] moment, double sum) {
        int m = gram.numRows;
        DMatrixRMaj factor = choleskyFactor(gram);
        if (factor == null) {
            DMatrixRMaj bordered = new DMatrixRMaj(m + 1, m + 1);
            CommonOps_DDRM.insert(gram, bordered, 0, 0);
            double[] target = Arrays.copyOf(moment, m + 1);
            for (int j = 0; j < m; j++) {
                bordered.unsafe_set(j, m, 1);
                bordered.unsafe_set(m, j, 1);
            }
            target[m] = sum;
            return Arrays.copyOf(solvePivoted(bordered, target), m);
        }
        double[] u = moment.clone();
        double[] v = new double[m];
        Arrays.fill(v, 1);
        solveWithFactor(factor, u);
        solveWithFactor(factor, v);
        double lambda = (Arrays.stream(u).sum() - sum) / Arrays.stream(v).sum();
        for (int j = 0; j < m; j++) {
            u[j] -= lambda * v[j];
        }
        return finite(u);
    }

    /** Solves {@code G·β = c} for a symmetric {@code G}: by Cholesky, or by pivoted QR when it is nearly singular. */
    private static double[] solveSymmetric(DMatrixRMaj gram, double[] moment) {
        DMatrixRMaj factor = choleskyFactor(gram);
        if (factor == null) {
            return solvePivoted(gram, moment);
        }
        double[] out = moment.clone();
        solveWithFactor(factor, out);
        return finite(out);
    }

    /**
     * The lower Cholesky factor of {@code gram}, or {@code null} when it is not positive definite or its pivots span
     * more than {@link #PIVOT_RANGE} (a condition number beyond about 10¹², where rounding would swamp the solution).
     */
    private static DMatrixRMaj choleskyFactor(DMatrixRMaj gram) {
        CholeskyDecomposition_F64<DMatrixRMaj> cholesky = DecompositionFactory_DDRM.chol(gram.numRows, true);
        if (!cholesky.decompose(gram.copy())) {
            return null;
        }
        DMatrixRMaj factor = cholesky.getT(null);
        double smallest = Double.POSITIVE_INFINITY;
        double largest = 0;
        for (int j = 0; j < factor.numRows; j++) {
            double pivot = factor.unsafe_get(j, j);
            smallest = Math.min(smallest, pivot);
            largest = Math.max(largest, pivot);
        }
        return smallest > largest / PIVOT_RANGE ? factor : null;
    }

    /** Overwrites {@code b} with {@code (LLᵀ)⁻¹b}. */
    private static void solveWithFactor(DMatrixRMaj lower, double[] b) {
        TriangularSolver_DDRM.solveL(lower.data, b, lower.numRows);
        TriangularSolver_DDRM.solveTranL(lower.data, b, lower.numRows);
    }

    /** Solves {@code a·s = b} by QR with column pivoting, which also copes with singular (rank-deficient) systems. */
    private static double[] solvePivoted(DMatrixRMaj a, double[] b) {
        DMatrixRMaj solution = new DMatrixRMaj(a.numRows, 1);
        LinearSolverDense<DMatrixRMaj> qr = LinearSolverFactory_DDRM.leastSquaresQrPivot(true, false);
        if (!qr.setA(a.copy())) {
            throw new IllegalStateException("the regression's normal equations could not be decomposed");
        }
        qr.solve(new DMatrixRMaj(b.length, 1, true, b), solution);
        return finite(solution.data);
    }

    private static double[] finite(double[] solution) {
        for (double s : solution) {
            if (!Double.isFinite(s)) {
                throw new IllegalStateException("the regression has no finite solution: its data are not finite");
            }
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
