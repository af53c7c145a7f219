package dev.glassbox.djl.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.glassbox.core.model.ModelOptions;

/** The layers of a {@link BlockModel} after a given layer, run as a model over that layer's output. */
final class BlockTail extends EngineModel {
    private final NamedBlocks layers;
    private final int from;

    BlockTail(NDManager manager, NamedBlocks layers, int from, ModelOptions options, int outputSize) {
        super(manager, options.inputShape(), outputSize, options);
        this.layers = layers;
        this.from = from;
    }

    @Override
    protected NDArray forward(NDArray activation) {
        return BlockModel.run(layers, activation, from, layers.names().size());
    }

    @Override
    public String toString() {
        return "layers " + layers.names().subList(from, layers.names().size());
    }
}
