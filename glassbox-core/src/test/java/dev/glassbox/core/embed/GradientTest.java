package dev.glassbox.core.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GradientTest {
    private static final int DIMS = 2;

    private static float[][] randomData(int n, int d, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] data = new float[n][d];
        for (float[] row : data) {
            for (int j = 0; j < d; j++) {
                row[j] = (float) random.nextGaussian();
            }
        }
        return data;
    }

    private static double[] randomPoints(int n, double scale, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] y = new double[n * DIMS];
        for (int e = 0; e < y.length; e++) {
            y[e] = scale * random.nextGaussian();
        }
        return y;
    }

    /** Conditional affinities over all points, calibrated to perplexity 4. */
    private static SparseMatrix conditional(int n, Parallel parallel) {
        return PerplexityCalibration.conditional(SparseMatrix.allPairs(randomData(n, 5, 1), parallel), 4, parallel);
    }

    private static SparseMatrix joint(SparseMatrix conditional) {
        return conditional.plus(conditional.transpose(), 0.5 / conditional.size);
    }

    /** Central finite differences of the KL divergence. */
    private static double[] numericalGradient(Objective objective, double[] y) {
        double h = 1e-6;
        double[] out = new double[y.length];
        for (int e = 0; e < y.length; e++) {
            double keep = y[e];
            y[e] = keep + h;
            double up = objective.klDivergence(y);
            y[e] = keep - h;
            double down = objective.klDivergence(y);
            y[e] = keep;
            out[e] = (up - down) / (2 * h);
        }
        return out;
    }

    private static void assertClose(double[] actual, double[] expected, double relative) {
        double scale = 0;
        for (double v : expected) {
            scale = Math.max(scale, Math.abs(v));
        }
        assertThat(actual).containsExactly(expected, within(relative * scale));
    }

    @Test
    void tsneGradientMatchesFiniteDifferencesOfTheKlDivergence() {
        try (Parallel parallel = new Parallel(1)) {
            int n = 12;
            TsneObjective objective = new TsneObjective(joint(conditional(n, parallel)), DIMS,
                    new ExactRepulsion(DIMS, parallel), parallel);
            double[] y = randomPoints(n, 1.5, 2);
            double[] analytic = new double[y.length];
            objective.gradient(y, 1, analytic);

            assertClose(analytic, numericalGradient(objective, y), 1e-6);
        }
    }

    @Test
    void sneGradientMatchesFiniteDifferencesOfTheKlDivergence() {
        try (Parallel parallel = new Parallel(1)) {
            int n = 12;
            SneObjective objective = new SneObjective(conditional(n, parallel), DIMS, parallel);
            double[] y = randomPoints(n, 1, 3);
            double[] analytic = new double[y.length];
            objective.gradient(y, 1, analytic);

            assertClose(analytic, numericalGradient(objective, y), 1e-6);
        }
    }

    @Test
    void barnesHutWithThetaZeroEqualsTheExactGradient() {
        try (Parallel parallel = new Parallel(2)) {
            int n = 300;
            SparseMatrix p = joint(conditional(n, parallel));
            double[] y = randomPoints(n, 5, 4);
            y[7 * DIMS] = y[3 * DIMS]; // two coincident points
            y[7 * DIMS + 1] = y[3 * DIMS + 1];
            double[] exact = new double[y.length];
            double[] barnesHut = new double[y.length];

            new TsneObjective(p, DIMS, new ExactRepulsion(DIMS, parallel), parallel).gradient(y, 12, exact);
            new TsneObjective(p, DIMS, new BarnesHutRepulsion(DIMS, 0, parallel), parallel).gradient(y, 12, barnesHut);

            assertClose(barnesHut, exact, 1e-12);
        }
    }

    @Test
    void barnesHutApproximatesTheExactGradient() {
        try (Parallel parallel = new Parallel(2)) {
            int n = 400;
            SparseMatrix p = joint(conditional(n, parallel));
            double[] y = randomPoints(n, 10, 5);
            double[] exact = new double[y.length];
            double[] approximate = new double[y.length];
            double[] forces = new double[y.length];

            new TsneObjective(p, DIMS, new ExactRepulsion(DIMS, parallel), parallel).gradient(y, 1, exact);
            new TsneObjective(p, DIMS, new BarnesHutRepulsion(DIMS, 0.5, parallel), parallel).gradient(y, 1,
                    approximate);

            assertThat(relativeError(approximate, exact)).isLessThan(0.02);
            double z = new ExactRepulsion(DIMS, parallel).forces(y, forces);
            assertThat(new BarnesHutRepulsion(DIMS, 0.5, parallel).forces(y, forces)).isCloseTo(z, within(0.01 * z));
        }
    }

    @Test
    void interpolationApproximatesTheExactRepulsion() {
        try (Parallel parallel = new Parallel(2)) {
            for (double scale : new double[] {1e-3, 1, 30}) {
                int n = 800;
                double[] y = randomPoints(n, scale, 8);
                double[] exact = new double[y.length];
                double[] interpolated = new double[y.length];

                double z = new ExactRepulsion(DIMS, parallel).forces(y, exact);
                double approximate = new InterpolatedRepulsion(InterpolatedRepulsion.DEFAULT_SPACING, parallel)
                        .forces(y, interpolated);

                assertThat(approximate).as("scale %s", scale).isCloseTo(z, within(2e-3 * z));
                assertThat(relativeError(interpolated, exact)).as("scale %s", scale).isLessThan(0.05);
                if (scale > 10) {
                    // A large embedding needs more than the smallest grid: halving the spacing shrinks the error.
                    double finer = relativeError(forces(new InterpolatedRepulsion(0.25, parallel), y), exact);
                    assertThat(finer).isLessThan(relativeError(interpolated, exact) / 4);
                }
            }
        }
    }

    private static double[] forces(Repulsion repulsion, double[] y) {
        double[] out = new double[y.length];
        repulsion.forces(y, out);
        return out;
    }

    @Test
    void barnesHutWorksInOneAndThreeDimensions() {
        try (Parallel parallel = new Parallel(1)) {
            for (int dims : new int[] {1, 3}) {
                double[] y = new double[50 * dims];
                SplittableRandom random = new SplittableRandom(dims);
                for (int e = 0; e < y.length; e++) {
                    y[e] = random.nextGaussian() * 3;
                }
                double[] exact = new double[y.length];
                double[] barnesHut = new double[y.length];
                double z = new ExactRepulsion(dims, parallel).forces(y, exact);

                assertThat(new BarnesHutRepulsion(dims, 0, parallel).forces(y, barnesHut))
                        .isCloseTo(z, within(1e-9 * z));
                assertClose(barnesHut, exact, 1e-12);
            }
        }
    }

    @Test
    void calibrationReachesTheRequestedPerplexity() {
        try (Parallel parallel = new Parallel(2)) {
            float[][] data = randomData(400, 10, 6);
            SparseMatrix distances = SparseMatrix.ofNeighbours(NearestNeighbours.of(data, 90, 2));
            for (double perplexity : new double[] {5, 30}) {
                SparseMatrix p = PerplexityCalibration.conditional(distances, perplexity, parallel);
                for (int i = 0; i < p.size; i++) {
                    double entropy = 0;
                    double sum = 0;
                    for (int e = p.rowStart[i]; e < p.rowStart[i + 1]; e++) {
                        sum += p.values[e];
                        entropy -= p.values[e] > 0 ? p.values[e] * Math.log(p.values[e]) : 0;
                    }
                    assertThat(sum).isCloseTo(1, within(1e-12));
                    assertThat(Math.exp(entropy)).isCloseTo(perplexity, within(1e-3 * perplexity));
                }
            }
        }
    }

    @Test
    void jointAffinitiesAreSymmetricAndSumToOne() {
        try (Parallel parallel = new Parallel(1)) {
            SparseMatrix conditional = PerplexityCalibration.conditional(
                    SparseMatrix.ofNeighbours(NearestNeighbours.of(randomData(60, 3, 7), 9, 1)), 3, parallel);
            SparseMatrix p = joint(conditional);
            SparseMatrix transposed = p.transpose();

            assertThat(java.util.Arrays.stream(p.values).sum()).isCloseTo(1, within(1e-12));
            assertThat(transposed.columns).containsExactly(p.columns);
            assertThat(transposed.values).containsExactly(p.values, within(1e-15));
        }
    }

    private static double relativeError(double[] actual, double[] expected) {
        double diff = 0;
        double norm = 0;
        for (int e = 0; e < expected.length; e++) {
            diff += (actual[e] - expected[e]) * (actual[e] - expected[e]);
            norm += expected[e] * expected[e];
        }
        return Math.sqrt(diff / norm);
    }
}
