package dev.glassbox.djl;

import ai.djl.nn.Block;

/** A modified backward rule for one kind of layer; see {@link Rule} and {@link LinearRule} for the two kinds. */
public interface LayerRule {

    /** Whether this rule replaces the backward pass of {@code layer}. */
    boolean appliesTo(Block layer);
}
