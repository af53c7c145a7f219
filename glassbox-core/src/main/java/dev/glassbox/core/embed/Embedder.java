package dev.glassbox.core.embed;

import dev.glassbox.core.Progress;

/** A method that maps rows of data (inputs, or features at a hidden layer) to low-dimensional points. */
public interface Embedder {

    /**
     * Embeds the rows of {@code data}, reporting progress of long phases.
     *
     * @throws dev.glassbox.core.InvalidInputException when the data is empty, ragged, holds NaN or an infinity, or
     *     does not suit the method's settings
     */
    Embedding embed(float[][] data, Progress progress);

    /** Embeds the rows of {@code data} silently. */
    default Embedding embed(float[][] data) {
        return embed(data, Progress.NONE);
    }
}
