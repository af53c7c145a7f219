package dev.glassbox.djl.rules;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import dev.glassbox.djl.LayerBackward;
import dev.glassbox.djl.LayerPass;

/**
 * DeepLIFT at a 2-D max-pool, as Captum does it: with y = pool(x), y′ = pool(x′) and m = max(y, y′), the change
 * m − y′ is routed back to x's maxima and y − m to the reference's maxima, their sum divided by Δx gives the
 * multiplier, and the ordinary gradient is used where |Δx| < 1e-10. The routed changes add up to y − y′, so
 * summation-to-delta holds through the pool.
 */
public final class RescaleMaxPoolRule extends LambdaRule {
    private static final float EPSILON = 1e-10f;

    public RescaleMaxPoolRule() {
        super("maxPool2d");
    }

    @Override
    public NDArray backward(LayerPass pass, NDArray cotangent, LayerBackward layer) {
        NDArray x = References.require(pass).input();
        NDArray crossMax = NDArrays.maximum(pass.output(), pass.referenceOutput());
        NDArray toInputMaxima = layer.atInput(cotangent.mul(crossMax.sub(pass.referenceOutput())));
        NDArray toReferenceMaxima = layer.at(pass.referenceInput(), cotangent.mul(pass.output().sub(crossMax)));
        NDArray dx = x.sub(pass.referenceInput());
        NDArray near = dx.abs().lt(EPSILON);
        NDArray rescaled = toInputMaxima.add(toReferenceMaxima).div(dx);
        return NDArrays.where(near, layer.at(x, cotangent), rescaled);
    }
}
