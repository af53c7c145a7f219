package dev.glassbox.djl.zoo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;
import dev.glassbox.djl.backprop.Scalars;

/**
 * Half the mean squared error, the value and gradient of DJL's L2 loss, with its factor ½ kept where the backward pass
 * can still read it: DJL's own {@code mul(0.5f)} leaves it in memory that may be freed before the backward pass (see
 * {@link Scalars}).
 */
final class HalvedSquaredErrorLoss extends Loss {

    HalvedSquaredErrorLoss() {
        super("L2Loss");
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray prediction = predictions.singletonOrThrow();
        NDArray squared = labels.singletonOrThrow().reshape(prediction.getShape()).sub(prediction).square();
        return squared.mul(Scalars.like(squared, 0.5)).mean();
    }
}
