package dev.glassbox.djl.rules;

import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import dev.glassbox.djl.Rule;

/** A rule that claims DJL's parameter-free layers of one kind, recognised by their block name (e.g. ReLU). */
abstract class LambdaRule implements Rule {
    private final String blockName;

    LambdaRule(String blockName) {
        this.blockName = blockName;
    }

    @Override
    public boolean appliesTo(Block layer) {
        return layer instanceof LambdaBlock lambda && blockName.equalsIgnoreCase(lambda.getName());
    }
}
