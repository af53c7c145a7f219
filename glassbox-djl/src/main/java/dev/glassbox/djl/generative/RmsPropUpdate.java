package dev.glassbox.djl.generative;

import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.Optimizer;
import java.util.HashMap;
import java.util.Map;

/**
 * RMSProp as the Wasserstein GAN trains with it (PyTorch's defaults: no momentum, not centred):
 * {@code v ← ρv + (1 − ρ)g²}, {@code w ← w − η g / (√v + ε)} with {@code ρ = 0.99}, {@code ε = 10⁻⁸}. DJL's own
 * RMSProp is not implemented by its PyTorch engine; this one runs on plain array operations and must be called with
 * gradient recording off.
 */
final class RmsPropUpdate extends Optimizer {
    static final float RHO = 0.99f;
    static final float EPSILON = 1e-8f;

    private final float rate;
    private final Map<String, NDArray> meanSquares = new HashMap<>();

    RmsPropUpdate(float rate) {
        super(new Builder());
        this.rate = rate;
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        NDArray v = meanSquares.computeIfAbsent(parameterId, id -> weight.zerosLike());
        try (NDArray square = grad.square()) {
            v.muli(RHO).addi(square.muli(1 - RHO));
        }
        try (NDArray root = v.sqrt(); NDArray step = grad.div(root.addi(EPSILON))) {
            weight.subi(step.muli(rate));
        }
    }

    /** The builder DJL's {@link Optimizer} constructor needs; nothing is configured through it. */
    private static final class Builder extends OptimizerBuilder<Builder> {
        @Override
        protected Builder self() {
            return this;
        }
    }
}
