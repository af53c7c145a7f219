package dev.glassbox.djl.uncertainty;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;
import dev.glassbox.djl.backprop.Scalars;

/**
 * The Gaussian negative log-likelihood of a mean–variance network (Nix and Weigend 1994; Lakshminarayanan et al.
 * 2017), averaged over the batch: {@code ½ log(2πσ²) + (y − μ)² / (2σ²)}. The network returns two outputs per sample,
 * the mean μ and an unconstrained value r whose softplus, plus {@value #MIN_VARIANCE}, is the variance σ²
 * ({@link #variance(double)}), so the variance stays positive and its gradient bounded.
 */
public final class GaussianNllLoss extends Loss {
    /** The smallest variance the network can predict. */
    public static final double MIN_VARIANCE = 1e-6;
    private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

    /** The loss. */
    public GaussianNllLoss() {
        super("gaussian-nll");
    }

    /** The variance {@code softplus(r) + MIN_VARIANCE} of a raw second output r. */
    public static double variance(double raw) {
        return Math.max(raw, 0) + Math.log1p(Math.exp(-Math.abs(raw))) + MIN_VARIANCE;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray out = predictions.singletonOrThrow();
        NDArray y = labels.singletonOrThrow().reshape(-1);
        // split, not string indexing, and softplus written out: with the engine's indexing and softplus the
        // variance output received wrong gradients
        NDList columns = out.split(2, 1);
        NDArray mean = columns.get(0).reshape(-1);
        NDArray raw = columns.get(1).reshape(-1);
        NDArray variance = raw.maximum(Scalars.like(raw, 0)).add(raw.abs().neg().exp().add(1f).log()).add((float) MIN_VARIANCE);
        NDArray squared = y.sub(mean).square();
        return variance.log().mul(Scalars.like(variance, 0.5)).add(squared.div(variance.mul(Scalars.like(variance, 2))))
                .mean().add((float) HALF_LOG_2PI);
    }
}
