package dev.glassbox.djl.zoo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;
import dev.glassbox.djl.backprop.Scalars;

/**
 * The prototype network's training loss (Li et al. 2018, without the decoder's reconstruction term): softmax
 * cross-entropy of the scores, plus {@code λ₁ R₁ + λ₂ R₂} where {@code R₁ = mean_j min_i ‖p_j − z_i‖²} pulls every
 * prototype towards some encoded training image of the batch (so that its nearest training images show it) and
 * {@code R₂ = mean_i min_j ‖z_i − p_j‖²} pulls every encoded image towards some prototype. Predictions are the scores
 * and the squared distances ({@code batch × prototypes}), in that order.
 */
public final class PrototypeLoss extends Loss {
    private final Loss crossEntropy = Loss.softmaxCrossEntropyLoss();
    private final float lambda1;
    private final float lambda2;

    /** The loss with weights {@code lambda1} for R₁ and {@code lambda2} for R₂. */
    public PrototypeLoss(float lambda1, float lambda2) {
        super("PrototypeLoss");
        this.lambda1 = lambda1;
        this.lambda2 = lambda2;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray distances = predictions.get(1);
        NDArray r1 = distances.min(new int[] {0}).mean();
        NDArray r2 = distances.min(new int[] {1}).mean();
        return crossEntropy.evaluate(labels, new NDList(predictions.get(0))).add(r1.mul(Scalars.like(r1, lambda1)))
                .add(r2.mul(Scalars.like(r2, lambda2)));
    }
}
