package dev.glassbox.djl.uncertainty;

import ai.djl.nn.Block;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.Progress;
import dev.glassbox.djl.model.BlockModel;
import java.util.function.Predicate;

/**
 * Predictions of a network with {@link BayesianLayer}s from K draws of its weights: every Bayesian layer samples, every
 * other layer (dropout included) runs in inference mode. The draws' mean and standard deviation per output are in the
 * returned {@link SampledScores}; batching and seeding are as {@link MonteCarlo} describes.
 */
public final class BayesianPrediction {
    /** The layers sampled: the Bayesian ones. */
    static final Predicate<Block> BAYESIAN = BayesianLayer.class::isInstance;

    private BayesianPrediction() {
    }

    /** K = {@code draws} weight draws over {@code inputs}, seeded with {@code seed}. */
    public static SampledScores sample(BlockModel model, float[][] inputs, int draws, long seed, Progress progress) {
        if (model.layersWhere(BAYESIAN).isEmpty()) {
            throw new InvalidInputException(model + " has no Bayesian layer (BayesLinear, BayesConv2d); layers: "
                    + String.join(", ", model.layerNames()));
        }
        return MonteCarlo.sample(model, inputs, draws, seed, model.batchSize(),
                (rows, copies) -> model.predictSampled(rows, copies, BAYESIAN), progress);
    }
}
