package dev.glassbox.core.generative;

import dev.glassbox.core.InvalidInputException;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The Fréchet (2-Wasserstein) distance between two Gaussians, squared, as FID reports it (Heusel et al. 2017):
 * {@code ‖μ₁ − μ₂‖² + tr Σ₁ + tr Σ₂ − 2 tr (Σ₁ Σ₂)^½}. The trace of the matrix square root is taken without a
 * non-symmetric square root: {@code Σ₁Σ₂} has the eigenvalues of the symmetric {@code Σ₁^½ Σ₂ Σ₁^½}, so
 * {@code tr (Σ₁Σ₂)^½} is the sum of the square roots of that matrix's eigenvalues, both symmetric eigendecompositions
 * by EJML (eigenvalues below zero by rounding count as zero). Measured on a classifier's features it compares generated
 * images with real ones; two halves of a real set give its floor at that sample size.
 */
public final class FrechetDistance {
    private FrechetDistance() {
    }

    /** The squared Fréchet distance between two Gaussians of the same dimension. */
    public static double between(FeatureGaussian a, FeatureGaussian b) {
        int d = a.dimension();
        if (b.dimension() != d) {
            throw new InvalidInputException("the Fréchet distance compares Gaussians of one dimension; got " + d
                    + " and " + b.dimension() + " features");
        }
        double meanTerm = 0;
        double traces = 0;
        for (int j = 0; j < d; j++) {
            double diff = a.mean()[j] - b.mean()[j];
            meanTerm += diff * diff;
            traces += a.covariance()[j][j] + b.covariance()[j][j];
        }
        DMatrixRMaj rootA = symmetricRoot(new DMatrixRMaj(a.covariance()));
        DMatrixRMaj product = new DMatrixRMaj(d, d);
        DMatrixRMaj inner = new DMatrixRMaj(d, d);
        CommonOps_DDRM.mult(rootA, new DMatrixRMaj(b.covariance()), product);
        CommonOps_DDRM.mult(product, rootA, inner);
        double traceRoot = 0;
        for (double eigenvalue : symmetricEigenvalues(inner)) {
            traceRoot += Math.sqrt(Math.max(0, eigenvalue));
        }
        return Math.max(0, meanTerm + traces - 2 * traceRoot);
    }

    /** The squared Fréchet distance between the Gaussians of two sets of feature rows. */
    public static double between(float[][] a, float[][] b) {
        return between(FeatureGaussian.of(a), FeatureGaussian.of(b));
    }

    /** {@code V diag(√max(λ, 0)) Vᵀ} for a symmetric positive semi-definite matrix. */
    static DMatrixRMaj symmetricRoot(DMatrixRMaj m) {
        int d = m.numRows;
        EigenDecomposition_F64<DMatrixRMaj> eigen = decompose(m, true);
        DMatrixRMaj root = new DMatrixRMaj(d, d);
        for (int k = 0; k < d; k++) {
            double scale = Math.sqrt(Math.max(0, eigen.getEigenvalue(k).real));
            DMatrixRMaj v = eigen.getEigenVector(k);
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    root.add(i, j, scale * v.get(i) * v.get(j));
                }
            }
        }
        return root;
    }

    private static double[] symmetricEigenvalues(DMatrixRMaj m) {
        EigenDecomposition_F64<DMatrixRMaj> eigen = decompose(m, false);
        double[] out = new double[m.numRows];
        for (int k = 0; k < out.length; k++) {
            out[k] = eigen.getEigenvalue(k).real;
        }
        return out;
    }

    /** The eigendecomposition of {@code m} made exactly symmetric first (rounding leaves it a little off). */
    private static EigenDecomposition_F64<DMatrixRMaj> decompose(DMatrixRMaj m, boolean vectors) {
        DMatrixRMaj symmetric = new DMatrixRMaj(m.numRows, m.numCols);
        CommonOps_DDRM.transpose(m, symmetric);
        CommonOps_DDRM.addEquals(symmetric, m);
        CommonOps_DDRM.scale(0.5, symmetric);
        EigenDecomposition_F64<DMatrixRMaj> eigen = DecompositionFactory_DDRM.eig(m.numRows, vectors, true);
        if (!eigen.decompose(symmetric)) {
            throw new IllegalStateException("the eigendecomposition of a " + m.numRows + "×" + m.numRows
                    + " covariance did not converge");
        }
        return eigen;
    }
}
