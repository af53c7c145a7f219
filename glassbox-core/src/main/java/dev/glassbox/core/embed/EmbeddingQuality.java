package dev.glassbox.core.embed;

import dev.glassbox.core.InvalidInputException;
import java.util.Arrays;

/**
 * How well an embedding keeps the structure of its data: the share of each point's k nearest neighbours in the data
 * that are also among its k nearest in the embedding (a neighbourhood-preservation measure in the spirit of
 * trustworthiness), and the leave-one-out accuracy of classifying each point by the label of its nearest neighbour
 * in the embedding.
 */
public final class EmbeddingQuality {
    private EmbeddingQuality() {
    }

    /**
     * The mean over points of {@code |kNN_data(i) ∩ kNN_embedding(i)| / k}, 1 when every neighbourhood is kept.
     *
     * @param data the rows that were embedded
     * @param points the embedding, one point per row
     */
    public static double neighbourhoodPreservation(float[][] data, double[][] points, int k, int threads) {
        return neighbourhoodPreservation(NearestNeighbours.of(data, k, threads), points, threads);
    }

    /** As {@link #neighbourhoodPreservation(float[][], double[][], int, int)}, with the data's neighbours known. */
    public static double neighbourhoodPreservation(NearestNeighbours dataNeighbours, double[][] points, int threads) {
        requireSameSize(dataNeighbours.size(), points.length);
        int k = dataNeighbours.k();
        NearestNeighbours embedded = NearestNeighbours.of(points, k, threads);
        long kept = 0;
        for (int i = 0; i < points.length; i++) {
            int[] ours = embedded.indices(i);
            Arrays.sort(ours);
            for (int r = 0; r < k; r++) {
                if (Arrays.binarySearch(ours, dataNeighbours.neighbour(i, r)) >= 0) {
                    kept++;
                }
            }
        }
        return kept / ((double) k * points.length);
    }

    /** The share of points whose nearest other point in the embedding has the same label. */
    public static double nearestNeighbourAccuracy(double[][] points, int[] labels, int threads) {
        requireSameSize(labels.length, points.length);
        NearestNeighbours nearest = NearestNeighbours.of(points, 1, threads);
        int correct = 0;
        for (int i = 0; i < points.length; i++) {
            if (labels[nearest.neighbour(i, 0)] == labels[i]) {
                correct++;
            }
        }
        return correct / (double) points.length;
    }

    private static void requireSameSize(int expected, int points) {
        if (expected != points) {
            throw new InvalidInputException("the embedding has " + points + " points but there are " + expected
                    + " rows to compare it with");
        }
    }
}
