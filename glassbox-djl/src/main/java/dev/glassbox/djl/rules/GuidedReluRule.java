package dev.glassbox.djl.rules;

import ai.djl.ndarray.NDArray;
import dev.glassbox.djl.LayerPass;
import dev.glassbox.djl.Rule;

/** Guided backprop at a ReLU: pass the cotangent only where the input was positive and the cotangent is positive. */
public final class GuidedReluRule extends LambdaRule implements Rule {
    public GuidedReluRule() {
        super("ReLU");
    }

    @Override
    public NDArray backward(LayerPass pass, NDArray cotangent) {
        return cotangent.maximum(0f).mul(pass.input().gt(0f).toType(cotangent.getDataType(), false));
    }
}
