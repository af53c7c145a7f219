package dev.glassbox.djl.rules;

import ai.djl.ndarray.NDArray;
import dev.glassbox.djl.backprop.LayerBackward;
import dev.glassbox.djl.backprop.LayerPass;
import java.util.HashSet;
import java.util.Set;

/**
 * LRP-ε (LRP-0 at ε = 0): {@code R_in = x ⊙ Jᵀ(R / (z + ε·sign z))} for a node with output z and Jacobian J, so that
 * relevance is conserved up to the share the stabiliser (and any bias) absorbs. Claims affine nodes and, as Captum's
 * {@code LRP} does by default, pooling (max, average, global average) too.
 */
public final class LrpEpsilonRule extends LrpRule {
    /** The pooling operators the rule claims besides affine ones. */
    static final Set<String> POOLING = Set.of("MaxPool", "AveragePool", "GlobalAveragePool");

    private final double epsilon;

    /** The ε rule on affine and pooling nodes. */
    public LrpEpsilonRule(double epsilon) {
        this(epsilon, union(AFFINE, POOLING));
    }

    /** The ε rule on the given operators only (a composite's dense layers, say). */
    public LrpEpsilonRule(double epsilon, Set<String> operators) {
        super(operators);
        if (!(epsilon >= 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("LRP's ε must be finite and ≥ 0, was " + epsilon);
        }
        this.epsilon = epsilon;
    }

    static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new HashSet<>(a);
        out.addAll(b);
        return out;
    }

    @Override
    public NDArray backward(LayerPass pass, NDArray cotangent, LayerBackward layer) {
        NDArray z = pass.output();
        return layer.atInput(stabilisedRatio(z, cotangent, z, epsilon));
    }
}
