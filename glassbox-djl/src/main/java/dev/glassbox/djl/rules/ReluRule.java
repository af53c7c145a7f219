package dev.glassbox.djl.rules;

import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import dev.glassbox.djl.Rule;

/** A rule that claims ReLU layers (DJL's {@code Activation.reluBlock()}). */
abstract class ReluRule implements Rule {
    @Override
    public boolean appliesTo(Block layer) {
        return layer instanceof LambdaBlock lambda && "ReLU".equalsIgnoreCase(lambda.getName());
    }
}
