package dev.glassbox.djl.rules;

import ai.djl.ndarray.NDArray;
import dev.glassbox.djl.backprop.InputRelevanceRule;
import dev.glassbox.djl.backprop.LayerBackward;
import dev.glassbox.djl.backprop.LayerPass;
import dev.glassbox.djl.graph.AffineNode;

/**
 * LRP's z^B rule for the first layer, whose inputs lie in a box [l, h] (pixels): {@code R_i = Σ_k (x_i w_ik − l_i w⁺_ik
 * − h_i w⁻_ik) / z^B_k · R_k} with {@code z^B_k = Σ_i (x_i w_ik − l_i w⁺_ik − h_i w⁻_ik)} (Montavon et al. 2019, biases
 * left out). Every term of z^B is non-negative for inputs in the box, so relevance keeps its sign and the rule
 * conserves it; unlike the other rules it hands back relevance at the input itself, which is not input × cotangent
 * (a black pixel can be relevant). Claims affine nodes that read the model's input.
 */
public final class LrpBoundedRule extends LrpRule implements InputRelevanceRule {
    private final float low;
    private final float high;

    /** The z^B rule for inputs in {@code [low, high]}. */
    public LrpBoundedRule(float low, float high) {
        super(AFFINE);
        if (!(low < high) || Float.isInfinite(low) || Float.isInfinite(high)) {
            throw new IllegalArgumentException("z^B's input bounds must be finite with low < high, were " + low + ", "
                    + high);
        }
        this.low = low;
        this.high = high;
    }

    @Override
    public NDArray inputRelevance(LayerPass pass, NDArray cotangent, LayerBackward layer) {
        AffineNode affine = affine(pass);
        NDArray x = pass.input();
        NDArray weight = inPass(affine.weight(), pass);
        NDArray positive = weight.maximum(0f);
        NDArray negative = weight.minimum(0f);
        NDArray lows = x.zerosLike().add(low);
        NDArray highs = x.zerosLike().add(high);
        NDArray bounded = affine.apply(x, weight, null).sub(affine.apply(lows, positive, null))
                .sub(affine.apply(highs, negative, null));
        NDArray s = stabilisedRatio(pass.output(), cotangent, bounded, 0);
        return x.mul(layer.through(v -> affine.apply(v, weight, null), s))
                .sub(lows.mul(layer.through(v -> affine.apply(v, positive, null), s)))
                .sub(highs.mul(layer.through(v -> affine.apply(v, negative, null), s)));
    }

    @Override
    public NDArray backward(LayerPass pass, NDArray cotangent, LayerBackward layer) {
        return InputRelevanceRule.super.backward(pass, cotangent, layer);
    }
}
