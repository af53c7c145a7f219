package dev.glassbox.core.embed;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.Progress;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Principal component analysis through the singular value decomposition of the centred data: exact, or randomised
 * for large data (Halko, Martinsson and Tropp 2011: a Gaussian sketch of the range refined by power iterations, then
 * the exact SVD of the small projected matrix). Decompositions by EJML; the randomised solver's products with the data
 * run on several threads and give the same numbers on any number of them.
 */
public final class Pca implements Embedder {
    private static final int ROW_GRAIN = 2048;

    /** How to compute the decomposition. */
    public enum Solver {
        /** Randomised when both sides of the data exceed 500 and fewer than 80% of the components are wanted. */
        AUTO,
        /** The full singular value decomposition. */
        EXACT,
        /** A randomised range finder with power iterations; its sketch is drawn from the seed. */
        RANDOMISED
    }

    private final int components;
    private final Solver solver;
    private final long seed;
    private final int powerIterations;
    private final int oversamples;
    private final int threads;

    private Pca(Builder builder) {
        this.components = builder.components;
        this.solver = builder.solver;
        this.seed = builder.seed;
        this.powerIterations = builder.powerIterations;
        this.oversamples = builder.oversamples;
        this.threads = builder.threads;
    }

    /** Settings, starting from two components, the automatic solver and seed 0. */
    public static Builder builder() {
        return new Builder();
    }

    /** Fits the principal components of {@code data}. */
    public PrincipalComponents fit(float[][] data) {
        Rows.requireValid(data, 2);
        int n = data.length;
        int d = data[0].length;
        if (components > Math.min(n, d)) {
            throw new InvalidInputException("PCA to " + components + " components needs at least as many rows and "
                    + "columns, but the data has " + n + " rows of " + d + " values");
        }
        double[] mean = new double[d];
        for (float[] row : data) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        DMatrixRMaj x = new DMatrixRMaj(n, d);
        double sumOfSquares = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double v = data[i][j] - mean[j];
                x.data[i * d + j] = v;
                sumOfSquares += v * v;
            }
        }
        Decomposition top = chosenSolver(n, d) == Solver.EXACT ? svd(x) : randomised(x);
        double[][] directions = new double[components][d];
        double[] variance = new double[components];
        for (int c = 0; c < components; c++) {
            System.arraycopy(top.directions.data, c * d, directions[c], 0, d);
            orientSign(directions[c]);
            variance[c] = top.singularValues[c] * top.singularValues[c] / (n - 1);
        }
        return new PrincipalComponents(mean, directions, variance, sumOfSquares / (n - 1));
    }

    /** The data's coordinates along its first components; diagnostics give the explained variance ratios. */
    @Override
    public Embedding embed(float[][] data, Progress progress) {
        long start = System.nanoTime();
        progress.update("PCA", 0, 1);
        PrincipalComponents fitted = fit(data);
        double[][] points = fitted.project(data);
        progress.update("PCA", 1, 1);
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("components", components);
        parameters.put("solver", chosenSolver(data.length, data[0].length).name().toLowerCase(Locale.ROOT));
        parameters.put("seed", seed);
        Map<String, Double> diagnostics = new LinkedHashMap<>();
        double[] ratio = fitted.explainedVarianceRatio();
        double total = 0;
        for (int c = 0; c < ratio.length; c++) {
            diagnostics.put("explainedVarianceRatio" + (c + 1), ratio[c]);
            total += ratio[c];
        }
        diagnostics.put("explainedVarianceRatio", total);
        return new Embedding("pca", points, parameters, diagnostics,
                Map.of("pca", (System.nanoTime() - start) / 1e9));
    }

    private Solver chosenSolver(int n, int d) {
        if (solver != Solver.AUTO) {
            return solver;
        }
        int small = Math.min(n, d);
        return small > 500 && components < 0.8 * small ? Solver.RANDOMISED : Solver.EXACT;
    }

    /** Right singular vectors as rows, largest singular value first, with their singular values. */
    private record Decomposition(DMatrixRMaj directions, double[] singularValues) {
    }

    /**
     * The randomised range finder with power iterations: {@code Y = X Ω}, then {@code q} times
     * {@code Y = X orth(Xᵀ Y)}, orthonormalising only the small {@code D × width} factor in between; finally
     * {@code Q = orth(Y)} and the SVD of {@code Qᵀ X}.
     */
    private Decomposition randomised(DMatrixRMaj x) {
        int n = x.numRows;
        int d = x.numCols;
        int width = Math.min(components + oversamples, Math.min(n, d));
        DMatrixRMaj sketch = new DMatrixRMaj(d, width);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < sketch.data.length; i++) {
            sketch.data[i] = random.nextGaussian();
        }
        try (Parallel parallel = new Parallel(threads)) {
            DMatrixRMaj range = times(x, sketch, parallel);
            for (int iteration = 0; iteration < powerIterations; iteration++) {
                range = times(x, orthonormalColumns(transposeTimes(x, range, parallel)), parallel);
            }
            DMatrixRMaj basis = orthonormalColumns(range);
            return svd(CommonOps_DDRM.transpose(transposeTimes(x, basis, parallel), null));
        }
    }

    /** {@code x m}, row block by row block. */
    private static DMatrixRMaj times(DMatrixRMaj x, DMatrixRMaj m, Parallel parallel) {
        int d = x.numCols;
        int width = m.numCols;
        DMatrixRMaj out = new DMatrixRMaj(x.numRows, width);
        parallel.forEach(x.numRows, ROW_GRAIN, (from, to) -> {
            for (int i = from; i < to; i++) {
                for (int j = 0; j < d; j++) {
                    double v = x.data[i * d + j];
                    for (int c = 0; c < width; c++) {
                        out.data[i * width + c] += v * m.data[j * width + c];
                    }
                }
            }
        });
        return out;
    }

    /**
     * {@code xᵀ q} for a tall {@code x}: one outer product per row, summed per block of rows and the blocks added in
     * order, so that {@code x} is read once in order and the result does not depend on the thread count.
     */
    private static DMatrixRMaj transposeTimes(DMatrixRMaj x, DMatrixRMaj q, Parallel parallel) {
        int d = x.numCols;
        int width = q.numCols;
        int blocks = (x.numRows + ROW_GRAIN - 1) / ROW_GRAIN;
        double[][] partial = new double[blocks][];
        parallel.run(blocks, block -> {
            double[] sum = new double[d * width];
            for (int i = block * ROW_GRAIN; i < Math.min(x.numRows, (block + 1) * ROW_GRAIN); i++) {
                for (int j = 0; j < d; j++) {
                    double v = x.data[i * d + j];
                    for (int c = 0; c < width; c++) {
                        sum[j * width + c] += v * q.data[i * width + c];
                    }
                }
            }
            partial[block] = sum;
        });
        DMatrixRMaj out = new DMatrixRMaj(d, width);
        for (double[] sum : partial) {
            for (int e = 0; e < sum.length; e++) {
                out.data[e] += sum[e];
            }
        }
        return out;
    }

    private static DMatrixRMaj orthonormalColumns(DMatrixRMaj m) {
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(m.numRows, m.numCols);
        if (!qr.decompose(m.copy())) {
            throw new IllegalStateException("QR decomposition failed");
        }
        return qr.getQ(null, true);
    }

    private static Decomposition svd(DMatrixRMaj m) {
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(m.numRows, m.numCols,
                false, true, true);
        if (!svd.decompose(m)) {
            throw new IllegalStateException("the singular value decomposition did not converge");
        }
        DMatrixRMaj vt = svd.getV(null, true);
        double[] values = svd.getSingularValues().clone();
        int count = svd.numberOfSingularValues();
        SingularOps_DDRM.descendingOrder(null, false, values, count, vt, true);
        return new Decomposition(vt, values);
    }

    /** Flips {@code v} so that its entry of largest magnitude is positive, making the sign reproducible. */
    static void orientSign(double[] v) {
        int largest = 0;
        for (int j = 1; j < v.length; j++) {
            if (Math.abs(v[j]) > Math.abs(v[largest])) {
                largest = j;
            }
        }
        if (v[largest] < 0) {
            for (int j = 0; j < v.length; j++) {
                v[j] = -v[j];
            }
        }
    }

    /** PCA settings. */
    public static final class Builder {
        private int components = 2;
        private Solver solver = Solver.AUTO;
        private long seed;
        private int powerIterations = 4;
        private int oversamples = 10;
        private int threads = Parallel.defaultThreads();

        private Builder() {
        }

        /** How many components to keep (default 2). */
        public Builder components(int components) {
            if (components < 1) {
                throw new InvalidInputException("PCA needs at least 1 component, was " + components);
            }
            this.components = components;
            return this;
        }

        /** Exact, randomised, or chosen by the data's size (default). */
        public Builder solver(Solver solver) {
            this.solver = Objects.requireNonNull(solver, "solver");
            return this;
        }

        /** The seed of the randomised solver's sketch (default 0). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Power iterations of the randomised solver (default 4); more are slower and more accurate. */
        public Builder powerIterations(int powerIterations) {
            if (powerIterations < 0) {
                throw new InvalidInputException("power iterations cannot be negative, was " + powerIterations);
            }
            this.powerIterations = powerIterations;
            return this;
        }

        /** Extra sketch columns of the randomised solver beyond the components (default 10). */
        public Builder oversamples(int oversamples) {
            if (oversamples < 0) {
                throw new InvalidInputException("oversamples cannot be negative, was " + oversamples);
            }
            this.oversamples = oversamples;
            return this;
        }

        /** Threads for the randomised solver's products (default: all processors); the result does not depend on it. */
        public Builder threads(int threads) {
            this.threads = Parallel.requireThreads(threads);
            return this;
        }

        /** The configured PCA. */
        public Pca build() {
            return new Pca(this);
        }
    }
}
