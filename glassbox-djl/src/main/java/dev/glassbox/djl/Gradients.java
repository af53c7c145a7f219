package dev.glassbox.djl;

import dev.glassbox.core.model.Batches;

/** The scores of a batch and the input gradients of their weighted sum, from one forward and one backward pass. */
public record Gradients(float[][] scores, float[][] gradients) {

    /** One chunk's pass: rows {@code [from, to)} of the caller's batch. */
    @FunctionalInterface
    public interface ChunkPass {
        Gradients run(int from, int to);
    }

    /** Runs {@code pass} over {@code rows} rows in chunks of at most {@code chunkSize} and joins the results. */
    public static Gradients inChunks(int rows, int chunkSize, ChunkPass pass) {
        float[][] scores = new float[rows][];
        float[][] gradients = new float[rows][];
        for (int[] range : Batches.chunks(rows, chunkSize)) {
            Gradients part = pass.run(range[0], range[1]);
            System.arraycopy(part.scores(), 0, scores, range[0], part.scores().length);
            System.arraycopy(part.gradients(), 0, gradients, range[0], part.gradients().length);
        }
        return new Gradients(scores, gradients);
    }
}
