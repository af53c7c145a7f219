package dev.glassbox.djl.rules;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import dev.glassbox.djl.backprop.LayerPass;
import dev.glassbox.djl.backprop.LayerBackward;

/** Deconvnet at a ReLU: apply the ReLU to the cotangent, ignoring the forward input. */
public final class DeconvReluRule extends OperatorRule {
    public DeconvReluRule() {
        super("Relu");
    }

    @Override
    public NDArray backward(LayerPass pass, NDArray cotangent, LayerBackward layer) {
        return Activation.relu(cotangent);
    }
}
