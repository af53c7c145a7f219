package dev.glassbox.djl.rules;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.djl.LayerPass;

/**
 * DeepLIFT's rescale rule at a ReLU: the multiplier is Δy/Δx between the input and the reference, and the gradient
 * where the two differ by less than 1e-10, as Captum (Shrikumar et al. 2017). Linear layers keep their exact Jacobian, so for
 * networks of linear layers and ReLUs the attributions sum to f(x) − f(x′).
 */
public final class RescaleReluRule extends LambdaRule {
    public RescaleReluRule() {
        super("ReLU");
    }

    private static final float EPSILON = 1e-10f;

    @Override
    public NDArray backward(LayerPass pass, NDArray cotangent) {
        if (!pass.hasReference()) {
            throw new InvalidInputException("DeepLIFT's rescale rule needs a reference pass");
        }
        NDArray dx = pass.input().sub(pass.referenceInput());
        NDArray dy = pass.output().sub(pass.referenceOutput());
        NDArray near = dx.abs().lt(EPSILON);
        NDArray gradient = pass.input().gt(0f).toType(dx.getDataType(), false);
        NDArray safeDx = NDArrays.where(near, dx.onesLike(), dx);
        NDArray multiplier = NDArrays.where(near, gradient, dy.div(safeDx));
        return cotangent.mul(multiplier);
    }
}
