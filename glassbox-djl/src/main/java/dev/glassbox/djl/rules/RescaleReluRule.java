package dev.glassbox.djl.rules;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import dev.glassbox.djl.LayerBackward;
import dev.glassbox.djl.LayerPass;

/**
 * DeepLIFT's rescale rule at a ReLU (Shrikumar et al. 2017): the multiplier is Δy/Δx between the input and the
 * reference, and the gradient where the two differ by less than 1e-10, as Captum. Linear layers keep their exact
 * Jacobian, so for networks of linear layers and ReLUs the attributions sum to f(x) − f(x′).
 */
public final class RescaleReluRule extends LambdaRule {
    private static final float EPSILON = 1e-10f;

    public RescaleReluRule() {
        super("ReLU");
    }

    @Override
    public NDArray backward(LayerPass pass, NDArray cotangent, LayerBackward layer) {
        NDArray x = References.require(pass).input();
        NDArray dx = x.sub(pass.referenceInput());
        NDArray slope = pass.output().sub(pass.referenceOutput()).divi(dx);
        NDArray gradient = x.gt(0f).toType(dx.getDataType(), false);
        return cotangent.mul(NDArrays.where(dx.abs().lt(EPSILON), gradient, slope));
    }
}
