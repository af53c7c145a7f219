package dev.glassbox.examples;

import dev.glassbox.core.Progress;
import dev.glassbox.core.embed.Embedding;
import dev.glassbox.core.embed.EmbeddingQuality;
import dev.glassbox.core.embed.NeighbourEmbedding;
import dev.glassbox.core.embed.Pca;

/**
 * Can I trust the data? Draws rows (inputs, or a hidden layer's activations) in two dimensions with PCA and t-SNE,
 * and measures how well each picture keeps the classes apart: the share of points whose nearest neighbour in the
 * picture has their label. Needs only {@code glassbox-core}.
 */
public final class LookAtData {
    private LookAtData() {
    }

    /** The two pictures and their nearest-neighbour accuracies. */
    public record Pictures(Embedding pca, Embedding tsne, double pcaAccuracy, double tsneAccuracy) {
    }

    /** PCA and t-SNE (perplexity 30, seeded) of {@code rows}, labelled by {@code labels}. */
    public static Pictures embed(float[][] rows, int[] labels) {
        Embedding pca = Pca.builder().components(2).seed(1).build().embed(rows, Progress.NONE);
        Embedding tsne = NeighbourEmbedding.tsne().perplexity(30).seed(1).build().embed(rows, Progress.NONE);
        return new Pictures(pca, tsne, EmbeddingQuality.nearestNeighbourAccuracy(pca.points(), labels, 1),
                EmbeddingQuality.nearestNeighbourAccuracy(tsne.points(), labels, 1));
    }
}
