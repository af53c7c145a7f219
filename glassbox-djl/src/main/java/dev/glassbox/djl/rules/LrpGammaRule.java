package dev.glassbox.djl.rules;

import ai.djl.ndarray.NDArray;
import dev.glassbox.djl.backprop.LayerBackward;
import dev.glassbox.djl.backprop.LayerPass;
import dev.glassbox.djl.graph.AffineNode;
import java.util.Set;

/**
 * LRP-γ: positive contributions favoured by propagating through the weights {@code w + γ·w⁺} (and bias
 * {@code b + γ·b⁺}): {@code R_in = x ⊙ J′ᵀ(R / (z′ + ε·sign z′))} with {@code z′} the node's output under those
 * weights and J′ its Jacobian. γ = 0 is LRP-ε. Claims affine nodes (by default convolutions only, as the composite
 * rule of Montavon et al. uses it).
 */
public final class LrpGammaRule extends LrpRule {
    private final double gamma;
    private final double epsilon;

    /** The γ rule on the given affine operators. */
    public LrpGammaRule(double gamma, double epsilon, Set<String> operators) {
        super(operators);
        if (!(gamma >= 0) || Double.isInfinite(gamma)) {
            throw new IllegalArgumentException("LRP's γ must be finite and ≥ 0, was " + gamma);
        }
        this.gamma = gamma;
        this.epsilon = epsilon;
    }

    /** The γ rule on every affine node. */
    public LrpGammaRule(double gamma, double epsilon) {
        this(gamma, epsilon, AFFINE);
    }

    @Override
    public NDArray backward(LayerPass pass, NDArray cotangent, LayerBackward layer) {
        AffineNode affine = affine(pass);
        NDArray weight = favourPositive(inPass(affine.weight(), pass));
        NDArray bias = affine.bias() == null ? null : favourPositive(inPass(affine.bias(), pass));
        NDArray favoured = affine.apply(pass.input(), weight, bias);
        NDArray adjusted = stabilisedRatio(pass.output(), cotangent, favoured, epsilon);
        return layer.through(x -> affine.apply(x, weight, bias), adjusted);
    }

    private NDArray favourPositive(NDArray w) {
        return w.add(w.maximum(0f).mul((float) gamma));
    }
}
