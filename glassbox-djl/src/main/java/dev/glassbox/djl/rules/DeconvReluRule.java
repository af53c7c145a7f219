package dev.glassbox.djl.rules;

import ai.djl.ndarray.NDArray;
import dev.glassbox.djl.LayerPass;
import dev.glassbox.djl.Rule;
import java.util.function.UnaryOperator;

/** Deconvnet at a ReLU: apply the ReLU to the cotangent, ignoring the forward input. */
public final class DeconvReluRule extends LambdaRule implements Rule {
    public DeconvReluRule() {
        super("ReLU");
    }

    @Override
    public NDArray backward(LayerPass pass, NDArray cotangent, UnaryOperator<NDArray> layerBackward) {
        return cotangent.maximum(0f);
    }
}
