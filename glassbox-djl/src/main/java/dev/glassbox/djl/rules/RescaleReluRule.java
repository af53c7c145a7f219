package dev.glassbox.djl.rules;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import dev.glassbox.djl.LayerPass;
import dev.glassbox.djl.LinearRule;

/**
 * DeepLIFT's rescale rule at a ReLU (Shrikumar et al. 2017): the multiplier is Δy/Δx between the input and the
 * reference, and the gradient where the two differ by less than 1e-10, as Captum. Linear layers keep their exact
 * Jacobian, so for networks of linear layers and ReLUs the attributions sum to f(x) − f(x′).
 */
public final class RescaleReluRule extends LambdaRule implements LinearRule {
    private static final float EPSILON = 1e-10f;

    public RescaleReluRule() {
        super("ReLU");
    }

    @Override
    public NDArray surrogate(LayerPass pass) {
        NDArray x = pass.input().stopGradient();
        NDArray dx = x.sub(pass.referenceInput());
        NDArray near = dx.abs().lt(EPSILON);
        NDArray gradient = x.gt(0f).toType(dx.getDataType(), false);
        NDArray slope = pass.output().sub(pass.referenceOutput()).div(NDArrays.where(near, dx.onesLike(), dx));
        NDArray multiplier = NDArrays.where(near, gradient, slope);
        return pass.output().stopGradient().add(multiplier.mul(pass.input().sub(x)));
    }
}
