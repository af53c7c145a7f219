package dev.glassbox.core.embed;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.Progress;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Classical (Torgerson) multidimensional scaling: the squared dissimilarities are double-centred into a Gram matrix
 * {@code B = -½ J D² J}, whose leading eigenvectors scaled by the square roots of their eigenvalues are the
 * coordinates. Exact for Euclidean distances (up to rotation and reflection); O(N³) time and O(N²) memory, so meant
 * for up to a few thousand points. Deterministic.
 */
public final class ClassicalMds implements Embedder {
    private final int dimensions;
    private final int threads;

    /** Classical MDS to {@code dimensions} coordinates on {@code threads} threads (for the distances). */
    public ClassicalMds(int dimensions, int threads) {
        if (dimensions < 1) {
            throw new InvalidInputException("MDS needs at least 1 dimension, was " + dimensions);
        }
        this.dimensions = dimensions;
        this.threads = Parallel.requireThreads(threads);
    }

    /** Classical MDS to two coordinates on all processors. */
    public ClassicalMds() {
        this(2, Parallel.defaultThreads());
    }

    /** Embeds the rows by their Euclidean distances. */
    @Override
    public Embedding embed(float[][] data, Progress progress) {
        Rows.requireValid(data, 2);
        try (Parallel parallel = new Parallel(threads)) {
            return embedDistances(Dissimilarities.euclidean(data, parallel), progress);
        }
    }

    /**
     * Embeds points given only their dissimilarities: a square, symmetric matrix of finite, non-negative values with
     * a zero diagonal. Diagnostics: the stress of the result and the eigenvalues used.
     */
    public Embedding embedDistances(double[][] dissimilarities, Progress progress) {
        Dissimilarities.requireValid(dissimilarities, 2);
        long start = System.nanoTime();
        progress.update("classical MDS", 0, 1);
        int n = dissimilarities.length;
        if (dimensions > n) {
            throw new InvalidInputException("classical MDS to " + dimensions + " dimensions needs at least as many "
                    + "points, but there are " + n);
        }
        EigenDecomposition_F64<DMatrixRMaj> eigen = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eigen.decompose(doubleCentredGram(dissimilarities))) {
            throw new IllegalStateException("the eigendecomposition did not converge");
        }
        Integer[] order = IntStream.range(0, eigen.getNumberOfEigenvalues()).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> -eigen.getEigenvalue(i).real));
        double[] points = new double[n * dimensions];
        Map<String, Double> diagnostics = new LinkedHashMap<>();
        for (int c = 0; c < dimensions; c++) {
            double value = eigen.getEigenvalue(order[c]).real;
            diagnostics.put("eigenvalue" + (c + 1), value);
            double[] vector = eigen.getEigenVector(order[c]).data.clone();
            Pca.orientSign(vector);
            double scale = Math.sqrt(Math.max(0, value));
            for (int i = 0; i < n; i++) {
                points[i * dimensions + c] = vector[i] * scale;
            }
        }
        try (Parallel parallel = new Parallel(threads)) {
            double raw = Dissimilarities.rawStress(dissimilarities, points, dimensions, parallel);
            diagnostics.put("stress", Dissimilarities.normalisedStress(dissimilarities, raw));
            diagnostics.put("rawStress", raw);
        }
        progress.update("classical MDS", 1, 1);
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("variant", "classical");
        parameters.put("dimensions", dimensions);
        return new Embedding("mds", Rows.unflatten(points, n), parameters, diagnostics,
                Map.of("mds", (System.nanoTime() - start) / 1e9));
    }

    /** {@code B = -½ J D² J} with {@code J = I - 11ᵀ/N}. */
    private static DMatrixRMaj doubleCentredGram(double[][] d) {
        int n = d.length;
        double[] rowMean = new double[n];
        double grandMean = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                rowMean[i] += d[i][j] * d[i][j];
            }
            grandMean += rowMean[i];
            rowMean[i] /= n;
        }
        grandMean /= (double) n * n;
        DMatrixRMaj b = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                b.data[i * n + j] = -0.5 * (d[i][j] * d[i][j] - rowMean[i] - rowMean[j] + grandMean);
            }
        }
        return b;
    }
}
