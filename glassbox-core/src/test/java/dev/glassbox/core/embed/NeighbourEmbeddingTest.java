package dev.glassbox.core.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glassbox.core.InvalidInputException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NeighbourEmbeddingTest {

    /** {@code perBlob} points around each of three centres 50 apart in 10 dimensions, labelled by blob. */
    static float[][] blobs(int perBlob, long seed, int[] labels) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] data = new float[3 * perBlob][10];
        for (int i = 0; i < data.length; i++) {
            int blob = i % 3;
            labels[i] = blob;
            for (int j = 0; j < 10; j++) {
                data[i][j] = (float) ((j == blob ? 50 : 0) + random.nextGaussian());
            }
        }
        return data;
    }

    @Test
    void tsneKeepsFarApartClustersSeparate() {
        int[] labels = new int[150];
        float[][] data = blobs(50, 1, labels);

        Embedding embedding = NeighbourEmbedding.tsne().perplexity(10).iterations(400).seed(3).threads(2).build()
                .embed(data);

        double[][] points = embedding.points();
        assertThat(EmbeddingQuality.nearestNeighbourAccuracy(points, labels, 1)).isEqualTo(1.0);
        assertThat(EmbeddingQuality.neighbourhoodPreservation(data, points, 10, 1)).isGreaterThan(0.3);
        assertThat(clusterGap(points, labels)).isGreaterThan(2);
        assertThat(embedding.diagnostics().get("klDivergence")).isBetween(0.0, 2.0);
        assertThat(embedding.parameters()).containsEntry("gradient", "exact").containsEntry("seed", 3L);
    }

    @Test
    void barnesHutTsneKeepsFarApartClustersSeparate() {
        int[] labels = new int[600];
        float[][] data = blobs(200, 2, labels);

        Embedding embedding = NeighbourEmbedding.tsne().gradient(NeighbourEmbedding.Gradient.BARNES_HUT)
                .iterations(400).threads(2).build().embed(data);

        double[][] points = embedding.points();
        assertThat(EmbeddingQuality.nearestNeighbourAccuracy(points, labels, 2)).isEqualTo(1.0);
        assertThat(clusterGap(points, labels)).isGreaterThan(2);
        assertThat(embedding.seconds()).containsKeys("neighbours", "affinities", "initialisation", "optimisation");
    }

    @Test
    void interpolatedTsneKeepsFarApartClustersSeparate() {
        int[] labels = new int[1200];
        float[][] data = blobs(400, 3, labels);

        Embedding embedding = NeighbourEmbedding.tsne().gradient(NeighbourEmbedding.Gradient.INTERPOLATION)
                .iterations(400).threads(2).build().embed(data);

        double[][] points = embedding.points();
        assertThat(embedding.parameters()).containsEntry("gradient", "interpolation");
        assertThat(EmbeddingQuality.nearestNeighbourAccuracy(points, labels, 2)).isEqualTo(1.0);
        assertThat(clusterGap(points, labels)).isGreaterThan(2);
    }

    @Test
    void sneKeepsFarApartClustersSeparate() {
        int[] labels = new int[90];
        float[][] data = blobs(30, 4, labels);

        Embedding embedding = NeighbourEmbedding.sne().perplexity(10).iterations(300).threads(2).build().embed(data);

        double[][] points = embedding.points();
        assertThat(embedding.method()).isEqualTo("sne");
        assertThat(EmbeddingQuality.nearestNeighbourAccuracy(points, labels, 1)).isEqualTo(1.0);
        assertThat(clusterGap(points, labels)).isGreaterThan(1);
    }

    @Test
    void sameSeedGivesIdenticalNumbersOnOneAndTwoThreads() {
        int[] labels = new int[1500];
        float[][] data = blobs(500, 5, labels);
        for (NeighbourEmbedding.Gradient gradient : new NeighbourEmbedding.Gradient[] {
                NeighbourEmbedding.Gradient.EXACT, NeighbourEmbedding.Gradient.BARNES_HUT,
                NeighbourEmbedding.Gradient.INTERPOLATION}) {
            NeighbourEmbedding.Builder settings = NeighbourEmbedding.tsne().gradient(gradient).iterations(30)
                    .earlyExaggeration(12, 20).seed(9);
            float[][] rows = gradient == NeighbourEmbedding.Gradient.EXACT ? java.util.Arrays.copyOf(data, 300) : data;

            Embedding one = settings.threads(1).build().embed(rows);
            Embedding two = settings.threads(2).build().embed(rows);

            assertThat(two.points()).as("%s", gradient).isDeepEqualTo(one.points());
            assertThat(two.diagnostics()).isEqualTo(one.diagnostics());
        }
    }

    @Test
    void rejectsBadInputWithOneLineMessages() {
        NeighbourEmbedding tsne = NeighbourEmbedding.tsne().perplexity(30).build();
        assertThatThrownBy(() -> tsne.embed(new float[0][])).isInstanceOf(InvalidInputException.class)
                .hasMessage("the data is empty: expected at least 2 rows");
        assertThatThrownBy(() -> tsne.embed(new float[20][3])).isInstanceOf(InvalidInputException.class)
                .hasMessage("perplexity 30 is too large for 20 points: it must be less than the number of points");
        assertThatThrownBy(() -> tsne.embed(new float[][] {{1, 2}, {3, Float.POSITIVE_INFINITY}}))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("row 1 of the data holds Infinity at column 1: data must be finite numbers");
        assertThatThrownBy(() -> tsne.embed(new float[][] {{1, 2}, {3, 4, 5}}))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("all rows must have the same length");
        assertThatThrownBy(() -> NeighbourEmbedding.tsne().perplexity(Double.NaN))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("perplexity must be");
        assertThatThrownBy(() -> NeighbourEmbedding.sne().gradient(NeighbourEmbedding.Gradient.BARNES_HUT).build()
                .embed(new float[50][2])).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("SNE has only an exact gradient");
        assertThatThrownBy(() -> NeighbourEmbedding.sne().build().embed(new float[10001][1]))
                .isInstanceOf(InvalidInputException.class).hasMessage("SNE keeps all N² affinities: it takes at most "
                        + "10000 points, not 10001; embed a sample of them");
        int[] labels = new int[60];
        assertThatThrownBy(() -> NeighbourEmbedding.sne().perplexity(5).learningRate(1000).iterations(50).build()
                .embed(blobs(20, 1, labels))).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("the optimisation diverged at step ")
                .hasMessageEndingWith(": lower the learning rate (was 1000.0)");
    }

    /** The smallest distance between labels over the largest distance from a point to its nearest of the same label. */
    static double clusterGap(double[][] points, int[] labels) {
        double between = Double.POSITIVE_INFINITY;
        double within = 0;
        for (int i = 0; i < points.length; i++) {
            for (int j = i + 1; j < points.length; j++) {
                double d = Math.hypot(points[i][0] - points[j][0], points[i][1] - points[j][1]);
                if (labels[i] == labels[j]) {
                    within = Math.max(within, nearestSameLabel(points, labels, i));
                } else {
                    between = Math.min(between, d);
                }
            }
        }
        return between / within;
    }

    private static double nearestSameLabel(double[][] points, int[] labels, int i) {
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < points.length; j++) {
            if (j != i && labels[j] == labels[i]) {
                best = Math.min(best, Math.hypot(points[i][0] - points[j][0], points[i][1] - points[j][1]));
            }
        }
        return best;
    }
}
