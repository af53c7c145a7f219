package dev.glassbox.djl.rules;

import ai.djl.ndarray.NDArray;
import dev.glassbox.djl.backprop.LayerBackward;
import dev.glassbox.djl.backprop.LayerPass;

/**
 * DeepLIFT's rescale rule at elementwise nonlinearities other than ReLU (sigmoid, tanh, clipping as in ReLU6, hard
 * sigmoid, leaky ReLU, ELU, softplus, erf): the multiplier Δy/Δx between input and reference, and the node's own
 * gradient where the two differ by less than 1e-10, as Captum's nonlinear rule. With it, summation-to-delta holds
 * through every such node. (ReLU has a fused rule of its own, {@link RescaleReluRule}.)
 */
public final class RescaleNonlinearityRule extends OperatorRule {
    private static final float EPSILON = 1e-10f;

    private static final String[] CAPTUM_HOOKED = {"Sigmoid", "Tanh", "LeakyRelu", "Elu", "Softplus"};
    private final DeepLiftRules flavour;

    /** The rule in the given flavour: Captum's claims only the nonlinearities Captum hooks. */
    public RescaleNonlinearityRule(DeepLiftRules flavour) {
        super(flavour == DeepLiftRules.CAPTUM ? CAPTUM_HOOKED
                : new String[] {"Sigmoid", "Tanh", "Clip", "HardSigmoid", "LeakyRelu", "Elu", "Softplus", "Erf"});
        this.flavour = flavour;
    }

    @Override
    public boolean readsPlainCotangent() {
        return flavour == DeepLiftRules.CAPTUM;
    }

    @Override
    public NDArray backward(LayerPass pass, NDArray cotangent, LayerBackward layer) {
        References.require(pass);
        NDArray dx = pass.input().sub(pass.referenceInput());
        NDArray dy = pass.output().sub(pass.referenceOutput());
        NDArray near = dx.abs().lt(EPSILON);
        NDArray safe = dx.add(near.toType(dx.getDataType(), false));
        NDArray plain = readsPlainCotangent() ? layer.plainCotangent() : null;
        NDArray rescaled = (plain == null ? cotangent : plain).mul(dy.div(safe));
        if (!near.any().getBoolean()) {
            return rescaled;
        }
        NDArray gradient = layer.atInput(cotangent);
        NDArray mask = near.toType(gradient.getDataType(), false);
        return gradient.mul(mask).add(rescaled.mul(mask.neg().add(1f)));
    }
}
