package dev.glassbox.djl.uncertainty;

import ai.djl.engine.Engine;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.Progress;
import dev.glassbox.core.model.Batches;
import dev.glassbox.core.model.Model;
import java.util.function.UnaryOperator;

/**
 * Draws T stochastic passes over N samples in engine-sized batches: each batch stacks T copies of as many samples as
 * fit in the model's batch size, so one engine call serves all passes of those samples. The engine's random generator
 * is seeded first, so the same seed and batch size give the same draws.
 */
final class MonteCarlo {
    private MonteCarlo() {
    }

    /**
     * Runs {@code sampledPass} (a forward pass whose rows are independent draws) T times over {@code inputs}.
     *
     * @param model the model behind the pass, whose input shape the samples are checked against
     * @param batchSize how many rows the pass takes at once
     */
    static SampledScores sample(Model model, float[][] inputs, int passes, long seed, int batchSize,
            UnaryOperator<float[][]> sampledPass, Progress progress) {
        if (passes < 1) {
            throw new InvalidInputException("the number of stochastic passes must be at least 1, was " + passes);
        }
        Batches.requireValid(inputs, model.inputShape());
        Engine.getEngine("PyTorch").setRandomSeed(Long.hashCode(seed));
        int perBatch = Math.max(1, batchSize / passes);
        float[][][] scores = new float[passes][inputs.length][];
        for (int[] range : Batches.chunks(inputs.length, perBatch)) {
            int n = range[1] - range[0];
            float[][] stacked = new float[passes * n][];
            for (int t = 0; t < passes; t++) {
                System.arraycopy(inputs, range[0], stacked, t * n, n);
            }
            float[][] out = sampledPass.apply(stacked);
            for (int t = 0; t < passes; t++) {
                System.arraycopy(out, t * n, scores[t], range[0], n);
            }
            progress.update(passes + " stochastic passes", range[1], inputs.length);
        }
        return new SampledScores(scores);
    }
}
