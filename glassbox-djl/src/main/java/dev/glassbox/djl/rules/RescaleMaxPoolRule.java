package dev.glassbox.djl.rules;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.djl.LayerPass;

/**
 * DeepLIFT at a 2-D max-pool, as Captum does it: with y = pool(x), y′ = pool(x′) and m = max(y, y′), the change
 * m − y′ is routed back to x's maxima and y − m to the reference's maxima (each by the pool's own gradient at x or
 * x′), their sum divided by Δx gives the multiplier, and the ordinary gradient is used where |Δx| < 1e-10. The routed
 * changes add up to y − y′, so summation-to-delta holds through the pool.
 */
public final class RescaleMaxPoolRule extends LambdaRule {
    private static final float EPSILON = 1e-10f;

    public RescaleMaxPoolRule() {
        super("maxPool2d");
    }

    @Override
    public NDArray backward(LayerPass pass, NDArray cotangent) {
        if (!pass.hasReference()) {
            throw new InvalidInputException("DeepLIFT's max-pool rule needs a reference pass");
        }
        NDArray crossMax = NDArrays.maximum(pass.output(), pass.referenceOutput());
        NDArray routed = pass.pullBack(pass.input(), cotangent.mul(crossMax.sub(pass.referenceOutput())))
                .add(pass.pullBack(pass.referenceInput(), cotangent.mul(pass.output().sub(crossMax))));
        NDArray dx = pass.input().sub(pass.referenceInput());
        NDArray near = dx.abs().lt(EPSILON);
        NDArray safeDx = NDArrays.where(near, dx.onesLike(), dx);
        return NDArrays.where(near, pass.pullBack(pass.input(), cotangent), routed.div(safeDx));
    }
}
