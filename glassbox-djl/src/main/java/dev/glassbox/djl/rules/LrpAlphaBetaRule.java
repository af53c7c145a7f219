package dev.glassbox.djl.rules;

import ai.djl.ndarray.NDArray;
import dev.glassbox.djl.backprop.LayerBackward;
import dev.glassbox.djl.backprop.LayerPass;
import dev.glassbox.djl.graph.AffineNode;

/**
 * LRP-αβ (α − β = 1; α = 1, β = 0 is the z⁺ rule): positive and negative contributions {@code (x_j w_jk)^±}
 * propagated separately, {@code R_j = Σ_k (α (x_j w_jk)⁺ / z⁺_k − β (x_j w_jk)⁻ / z⁻_k) R_k} with
 * {@code z^±_k = Σ_j (x_j w_jk)^±} (biases left out, as in Montavon et al.'s overview; a unit without positive or
 * negative contributions passes none of that part). Inputs of either sign are handled by splitting x too:
 * {@code (x w)⁺ = x⁺w⁺ + x⁻w⁻}. Claims affine nodes.
 */
public final class LrpAlphaBetaRule extends LrpRule {
    private final double alpha;
    private final double beta;

    /** The αβ rule with {@code beta = alpha − 1}. */
    public LrpAlphaBetaRule(double alpha) {
        super(AFFINE);
        if (!(alpha >= 1) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("LRP's α must be finite and ≥ 1 (β = α − 1), was " + alpha);
        }
        this.alpha = alpha;
        this.beta = alpha - 1;
    }

    @Override
    public NDArray backward(LayerPass pass, NDArray cotangent, LayerBackward layer) {
        AffineNode affine = affine(pass);
        NDArray x = pass.input();
        NDArray weight = inPass(affine.weight(), pass);
        NDArray positiveWeights = weight.maximum(0f);
        NDArray negativeWeights = weight.minimum(0f);
        NDArray positiveInputs = x.maximum(0f);
        NDArray negativeInputs = x.minimum(0f);
        NDArray zPositive = affine.apply(positiveInputs, positiveWeights, null)
                .add(affine.apply(negativeInputs, negativeWeights, null));
        NDArray zNegative = affine.apply(positiveInputs, negativeWeights, null)
                .add(affine.apply(negativeInputs, positiveWeights, null));
        NDArray relevance = pass.output().mul(cotangent);
        NDArray sPositive = stabilisedRatio(relevance, zPositive, 0).mul((float) alpha);
        NDArray sNegative = stabilisedRatio(relevance, zNegative, 0).mul((float) beta);
        // where x > 0 the positive contributions run through w⁺ and the negative through w⁻; where x < 0 the reverse
        NDArray positivePart = through(layer, affine, positiveWeights, sPositive)
                .sub(through(layer, affine, negativeWeights, sNegative));
        NDArray negativePart = through(layer, affine, negativeWeights, sPositive)
                .sub(through(layer, affine, positiveWeights, sNegative));
        NDArray isPositive = x.gt(0f).toType(x.getDataType(), false);
        NDArray isNegative = x.lt(0f).toType(x.getDataType(), false);
        return positivePart.mul(isPositive).add(negativePart.mul(isNegative));
    }

    /** {@code weightsᵀ · cotangent}: the vector–Jacobian product of the node with these weights and no bias. */
    private static NDArray through(LayerBackward layer, AffineNode affine, NDArray weights, NDArray cotangent) {
        return layer.through(v -> affine.apply(v, weights, null), cotangent);
    }
}
