package dev.glassbox.djl.rules;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import dev.glassbox.djl.backprop.LayerPass;
import dev.glassbox.djl.backprop.LayerBackward;

/**
 * Guided backprop at a ReLU: pass the cotangent only where the input was positive and the cotangent is positive, i.e.
 * the ReLU's own backward pass applied to the positive part of the cotangent.
 */
public final class GuidedReluRule extends OperatorRule {
    public GuidedReluRule() {
        super("Relu");
    }

    @Override
    public NDArray backward(LayerPass pass, NDArray cotangent, LayerBackward layer) {
        return layer.atInput(Activation.relu(cotangent));
    }
}
