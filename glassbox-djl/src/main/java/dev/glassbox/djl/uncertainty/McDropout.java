package dev.glassbox.djl.uncertainty;

import ai.djl.nn.Block;
import ai.djl.nn.norm.Dropout;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.Progress;
import dev.glassbox.core.model.Model;
import dev.glassbox.djl.model.BlockModel;
import dev.glassbox.djl.model.TorchScriptModel;
import java.util.function.Predicate;

/**
 * Monte Carlo dropout (Gal and Ghahramani 2016): T forward passes with dropout drawing fresh masks and everything
 * else in inference mode, so BatchNorm keeps normalising with, and never updates, its running statistics. A DJL block
 * model samples its {@link Dropout} layers; a TorchScript model runs its dropout part in train mode (see
 * {@link TorchScriptModel#predictWithDropout(float[][], int)}). Passes are batched and seeded as {@link MonteCarlo} describes.
 */
public final class McDropout {
    /** The layers MC dropout samples in a DJL block model. */
    static final Predicate<Block> DROPOUT = Dropout.class::isInstance;

    private McDropout() {
    }

    /** T = {@code passes} MC-dropout passes over {@code inputs}, seeded with {@code seed}. */
    public static SampledScores sample(Model model, float[][] inputs, int passes, long seed, Progress progress) {
        if (model instanceof BlockModel block) {
            if (block.layersWhere(DROPOUT).isEmpty()) {
                throw new InvalidInputException(model + " has no dropout layer, so MC dropout cannot sample it; "
                        + "layers: " + String.join(", ", block.layerNames()));
            }
            return MonteCarlo.sample(model, inputs, passes, seed, block.batchSize(),
                    (rows, copies) -> block.predictSampled(rows, copies, DROPOUT), progress);
        }
        if (model instanceof TorchScriptModel script) {
            script.requireDropoutSampling();
            return MonteCarlo.sample(model, inputs, passes, seed, script.batchSize(), script::predictWithDropout,
                    progress);
        }
        throw new InvalidInputException("MC dropout needs a DJL block model or a TorchScript model, got " + model);
    }
}
