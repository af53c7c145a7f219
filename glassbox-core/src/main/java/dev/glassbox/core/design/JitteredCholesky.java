package dev.glassbox.core.design;

import dev.glassbox.core.InvalidInputException;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/**
 * The Cholesky factor {@code L Lᵀ = K + εI} of a covariance matrix (EJML), with the jitter ladder of GP libraries:
 * {@code ε = 0} first, then {@code 10⁻¹⁰, 10⁻⁹, …, 10⁻⁴} times the mean diagonal until the factorisation succeeds.
 * A matrix that fails even then is not a covariance (duplicated inputs with no noise, or values out of range) and is
 * refused with an {@link InvalidInputException} that says so. Gaussian processes factor their kernel matrix with it;
 * prediction difference analysis its conditional patch covariances.
 */
public final class JitteredCholesky {
    /** The relative jitters tried after the matrix itself. */
    static final double[] LADDER = {1e-10, 1e-9, 1e-8, 1e-7, 1e-6, 1e-5, 1e-4};

    private final DMatrixRMaj lower;
    private final double jitter;
    private final int n;

    private JitteredCholesky(DMatrixRMaj lower, double jitter) {
        this.lower = lower;
        this.jitter = jitter;
        this.n = lower.numRows;
    }

    /** Factors {@code k} (left untouched), adding jitter if needed. */
    public static JitteredCholesky factor(DMatrixRMaj k) {
        int n = k.numRows;
        double meanDiagonal = 0;
        for (int i = 0; i < n; i++) {
            meanDiagonal += k.get(i, i) / n;
        }
        for (double v : k.data) {
            if (!Double.isFinite(v)) {
                throw new InvalidInputException("the covariance matrix holds " + v + "; inputs and hyperparameters must "
                        + "be finite");
            }
        }
        CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(n, true);
        for (int step = -1; step < LADDER.length; step++) {
            double jitter = step < 0 ? 0 : LADDER[step] * meanDiagonal;
            DMatrixRMaj copy = k.copy();
            for (int i = 0; i < n; i++) {
                copy.add(i, i, jitter);
            }
            if (chol.decompose(copy)) {
                DMatrixRMaj lower = chol.getT(null);
                boolean valid = true;
                for (int i = 0; i < n && valid; i++) {
                    double d = lower.get(i, i);
                    valid = d > 0 && Double.isFinite(d);
                }
                if (valid) {
                    return new JitteredCholesky(lower, jitter);
                }
            }
        }
        throw new InvalidInputException("the " + n + "×" + n + " covariance matrix is not positive definite even with "
                + "a jitter of 1e-4 times its mean diagonal; duplicated inputs with a noise variance near zero cause "
                + "this: allow more noise or remove duplicates");
    }

    /** The jitter added to the diagonal (0 when none was needed). */
    public double jitter() {
        return jitter;
    }

    /** {@code L⁻¹ b}, in a new array. */
    public double[] solveLower(double[] b) {
        double[] x = b.clone();
        TriangularSolver_DDRM.solveL(lower.data, x, n);
        return x;
    }

    /** {@code (L Lᵀ)⁻¹ b}, in a new array. */
    public double[] solve(double[] b) {
        double[] x = solveLower(b);
        TriangularSolver_DDRM.solveTranL(lower.data, x, n);
        return x;
    }

    /** {@code L z}, in a new array: a draw from {@code N(0, L Lᵀ)} when {@code z} holds independent standard normals. */
    public double[] lowerTimes(double[] z) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j <= i; j++) {
                sum += lower.data[i * n + j] * z[j];
            }
            out[i] = sum;
        }
        return out;
    }

    /** The size of the factored matrix. */
    public int size() {
        return n;
    }

    /** {@code log det(L Lᵀ)}. */
    double logDeterminant() {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += Math.log(lower.get(i, i));
        }
        return 2 * sum;
    }

    /** {@code (L Lᵀ)⁻¹}, row-major n×n. */
    double[][] inverse() {
        double[][] inv = new double[n][];
        double[] unit = new double[n];
        for (int i = 0; i < n; i++) {
            unit[i] = 1;
            inv[i] = solve(unit);
            unit[i] = 0;
        }
        return inv;
    }
}
