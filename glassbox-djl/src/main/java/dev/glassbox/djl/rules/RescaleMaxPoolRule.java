package dev.glassbox.djl.rules;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import dev.glassbox.djl.LayerPass;
import dev.glassbox.djl.LinearRule;

/**
 * DeepLIFT at a 2-D max-pool, as Captum does it: with y = pool(x), y′ = pool(x′) and m = max(y, y′), the change
 * m − y′ is routed back to x's maxima and y − m to the reference's maxima, their sum divided by Δx gives the
 * multiplier, and the ordinary gradient is used where |Δx| < 1e-10. The routed changes add up to y − y′, so
 * summation-to-delta holds through the pool. As a surrogate: pools of arrays whose value is x (or x′) and whose
 * gradient is scaled by 1/Δx route the cotangent to the right maxima.
 */
public final class RescaleMaxPoolRule extends LambdaRule implements LinearRule {
    private static final float EPSILON = 1e-10f;

    public RescaleMaxPoolRule() {
        super("maxPool2d");
    }

    @Override
    public NDArray surrogate(LayerPass pass) {
        NDArray live = pass.input();
        NDArray x = live.stopGradient();
        NDArray dx = x.sub(pass.referenceInput());
        NDArray near = dx.abs().lt(EPSILON);
        NDArray inverseDx = NDArrays.where(near, dx.zerosLike(), dx.onesLike().div(NDArrays.where(near, dx.onesLike(), dx)));
        NDArray scaled = x.add(change(live).mul(inverseDx));
        NDArray atReference = pass.referenceInput().add(change(scaled));
        NDArray atNear = x.add(change(live).mul(near.toType(dx.getDataType(), false)));
        NDArray crossMax = NDArrays.maximum(pass.output(), pass.referenceOutput());
        return pass.output().stopGradient()
                .add(crossMax.sub(pass.referenceOutput()).mul(change(pass.apply(scaled))))
                .add(pass.output().sub(crossMax).mul(change(pass.apply(atReference))))
                .add(change(pass.apply(atNear)));
    }

    /** z − stopGradient(z): zero in value, the identity in gradient. */
    private static NDArray change(NDArray z) {
        return z.sub(z.stopGradient());
    }
}
