package dev.glassbox.core.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.Progress;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MdsTest {

    private static double[][] randomPoints(int n, int dims, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] points = new double[n][dims];
        for (double[] p : points) {
            for (int k = 0; k < dims; k++) {
                p[k] = random.nextDouble(-5, 5);
            }
        }
        return points;
    }

    private static double[][] distances(double[][] points) {
        int n = points.length;
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int k = 0; k < points[i].length; k++) {
                    sum += Math.pow(points[i][k] - points[j][k], 2);
                }
                d[i][j] = Math.sqrt(sum);
            }
        }
        return d;
    }

    @Test
    void classicalMdsRecoversAConfigurationFromItsDistances() {
        double[][] original = randomPoints(30, 2, 1);
        double[][] delta = distances(original);

        Embedding embedding = new ClassicalMds(2, 2).embedDistances(delta, Progress.NONE);

        // Equal pairwise distances: the same configuration up to rotation, reflection and translation.
        double[][] recovered = distances(embedding.points());
        for (int i = 0; i < delta.length; i++) {
            assertThat(recovered[i]).containsExactly(delta[i], within(1e-9));
        }
        assertThat(embedding.diagnostics().get("stress")).isLessThan(1e-12);
    }

    @Test
    void classicalMdsOfDataFindsItsPrincipalPlane() {
        // Points in a plane inside 4-d space: two dimensions are enough to keep every distance.
        double[][] planar = randomPoints(25, 2, 2);
        float[][] data = new float[planar.length][];
        for (int i = 0; i < planar.length; i++) {
            double a = planar[i][0];
            double b = planar[i][1];
            data[i] = new float[] {(float) (a + b), (float) (a - b), (float) (2 * a), (float) (1 - b)};
        }

        Embedding embedding = new ClassicalMds(2, 1).embed(data);

        double[][] expected = distances(toDouble(data));
        double[][] recovered = distances(embedding.points());
        for (int i = 0; i < data.length; i++) {
            assertThat(recovered[i]).containsExactly(expected[i], within(1e-4));
        }
    }

    @Test
    void smacofFromARandomStartFindsAnExactEuclideanFit() {
        double[][] delta = distances(randomPoints(20, 2, 3));

        Embedding embedding = Smacof.builder().start(Smacof.Start.RANDOM).seed(5).maxIterations(3000)
                .tolerance(1e-12).threads(1).build().embedDistances(delta, Progress.NONE);

        assertThat(embedding.diagnostics().get("stress")).isLessThan(1e-4);
    }

    @Test
    void smacofNeverRaisesStressAndImprovesOnClassicalMdsForNonEuclideanDissimilarities() {
        // City-block distances are not Euclidean, so classical MDS does not minimise their stress.
        double[][] points = randomPoints(25, 3, 4);
        int n = points.length;
        double[][] delta = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < 3; k++) {
                    delta[i][j] += Math.abs(points[i][k] - points[j][k]);
                }
            }
        }
        double classical = new ClassicalMds(2, 1).embedDistances(delta, Progress.NONE).diagnostics().get("rawStress");

        double previous = Double.POSITIVE_INFINITY;
        for (int iterations = 0; iterations <= 12; iterations++) {
            double stress = Smacof.builder().start(Smacof.Start.RANDOM).seed(9).maxIterations(iterations)
                    .tolerance(0).threads(1).build().embedDistances(delta, Progress.NONE).diagnostics()
                    .get("rawStress");
            assertThat(stress).isLessThanOrEqualTo(previous * (1 + 1e-12));
            previous = stress;
        }
        double fromClassical = Smacof.builder().threads(2).build().embedDistances(delta, Progress.NONE).diagnostics()
                .get("rawStress");
        assertThat(fromClassical).isLessThan(classical);
    }

    @Test
    void smacofGivesTheSameNumbersOnOneAndTwoThreads() {
        float[][] data = new float[70][];
        double[][] points = randomPoints(70, 5, 6);
        for (int i = 0; i < data.length; i++) {
            data[i] = new float[5];
            for (int k = 0; k < 5; k++) {
                data[i][k] = (float) points[i][k];
            }
        }
        Smacof.Builder settings = Smacof.builder().start(Smacof.Start.RANDOM).seed(2).maxIterations(20);

        double[][] one = settings.threads(1).build().embed(data).points();
        double[][] two = settings.threads(2).build().embed(data).points();

        assertThat(two).isDeepEqualTo(one);
    }

    @Test
    void rejectsBadDissimilarities() {
        ClassicalMds mds = new ClassicalMds();
        assertThatThrownBy(() -> mds.embedDistances(new double[][] {{0, 1}, {2, 0}}, Progress.NONE))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not symmetric");
        assertThatThrownBy(() -> mds.embedDistances(new double[][] {{0, 1}, {1}}, Progress.NONE))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("expected a square 2×2 matrix");
        assertThatThrownBy(() -> mds.embedDistances(new double[][] {{0, -1}, {-1, 0}}, Progress.NONE))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not negative");
        assertThatThrownBy(() -> mds.embed(new float[][] {{1}}))
                .isInstanceOf(InvalidInputException.class).hasMessage("the data has 1 row: expected at least 2");
    }

    private static double[][] toDouble(float[][] data) {
        double[][] out = new double[data.length][];
        for (int i = 0; i < data.length; i++) {
            out[i] = new double[data[i].length];
            for (int k = 0; k < data[i].length; k++) {
                out[i][k] = data[i][k];
            }
        }
        return out;
    }
}
