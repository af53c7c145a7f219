package dev.glassbox.core.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glassbox.core.InvalidInputException;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NearestNeighboursTest {

    /** Brute force: all other rows sorted by (distance, index). */
    private static int[] bruteForce(float[][] data, int i, int k) {
        return IntStream.range(0, data.length).filter(j -> j != i).boxed()
                .sorted(Comparator.<Integer>comparingDouble(j -> Math.sqrt(Dissimilarities.squaredDistance(data[i],
                        data[j]))).thenComparingInt(j -> j))
                .limit(k).mapToInt(Integer::intValue).toArray();
    }

    @Test
    void vantagePointTreeFindsExactlyTheBruteForceNeighbours() {
        SplittableRandom random = new SplittableRandom(11);
        float[][] data = new float[500][6];
        for (float[] row : data) {
            for (int j = 0; j < row.length; j++) {
                row[j] = (float) random.nextGaussian();
            }
        }

        NearestNeighbours neighbours = NearestNeighbours.of(data, 15, 2);

        for (int i = 0; i < data.length; i++) {
            assertThat(neighbours.indices(i)).as("row %d", i).containsExactly(bruteForce(data, i, 15));
            double[] d = neighbours.distances(i);
            for (int r = 1; r < d.length; r++) {
                assertThat(d[r]).isGreaterThanOrEqualTo(d[r - 1]);
            }
        }
    }

    @Test
    void tiesAndDuplicatesAreBrokenByRowIndex() {
        // Points on a small integer grid, each twice: many equal distances and zero distances.
        float[][] data = new float[200][];
        for (int i = 0; i < data.length; i++) {
            int cell = i % 100;
            data[i] = new float[] {cell % 10, cell / 10};
        }

        NearestNeighbours neighbours = NearestNeighbours.of(data, 7, 1);

        for (int i = 0; i < data.length; i++) {
            assertThat(neighbours.indices(i)).containsExactly(bruteForce(data, i, 7));
            assertThat(neighbours.distance(i, 0)).isZero();
            assertThat(neighbours.neighbour(i, 0)).isEqualTo((i + 100) % 200);
        }
    }

    @Test
    void rejectsTooManyNeighbours() {
        float[][] data = {{0}, {1}, {2}};
        assertThatThrownBy(() -> NearestNeighbours.of(data, 3, 1)).isInstanceOf(InvalidInputException.class)
                .hasMessage("3 nearest neighbours cannot be found among 3 points: expected between 1 and 2");
        assertThat(NearestNeighbours.of(data, 2, 1).indices(1)).containsExactly(0, 2);
    }
}
