package dev.glassbox.djl.backprop;

import ai.djl.ndarray.NDArray;

/**
 * A rule for a node that reads the model's input and hands back relevance at the input itself rather than a
 * cotangent (LRP's z^B rule, whose relevance depends on the input's bounds as well as on the input). The rules engine
 * offers it only nodes that read the model's input, and adds what it returns to the input's relevance
 * ({@link ReversePass#inputRelevance()}) instead of pulling a cotangent back.
 */
public interface InputRelevanceRule extends Rule {

    /** The relevance at the node's input (the model's input), shaped like it. */
    NDArray inputRelevance(LayerPass pass, NDArray cotangent, LayerBackward layer);

    /** Input-relevance rules produce no cotangent; the engine calls {@link #inputRelevance} instead. */
    @Override
    default NDArray backward(LayerPass pass, NDArray cotangent, LayerBackward layer) {
        throw new UnsupportedOperationException("an input-relevance rule hands back relevance, not a cotangent");
    }
}
