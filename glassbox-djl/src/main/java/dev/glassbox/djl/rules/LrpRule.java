package dev.glassbox.djl.rules;

import ai.djl.ndarray.NDArray;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.djl.backprop.LayerBackward;
import dev.glassbox.djl.backprop.LayerPass;
import dev.glassbox.djl.backprop.Rule;
import dev.glassbox.djl.graph.AffineNode;
import dev.glassbox.djl.graph.GraphNode;
import java.nio.FloatBuffer;
import java.util.Set;

/**
 * Layer-wise relevance propagation (Bach et al. 2015; Montavon et al. 2019, "Layer-wise relevance propagation: an
 * overview") as rules of the reverse pass. The pass carries relevance per unit of activation: at every tensor a the
 * relevance is {@code R = a ⊙ g} for the cotangent g, so the output's one-hot weighting starts with the explained
 * score's whole value, linear shape operations and ReLUs pass g unchanged (ReLU: relevance flows through where the
 * unit was active, as in Captum), additions split relevance in proportion to their summands, and the attribution at
 * the input is {@code x ⊙ g}. A claimed node with output z gets {@code R = z ⊙ g} and hands {@code g_in} to its input,
 * each rule saying how. Subclasses claim affine nodes (convolutions, dense layers, batch normalisation) and, for the
 * ε rule, pooling.
 */
public abstract class LrpRule implements Rule {
    /** Operators with constant weights, affine in their one input. */
    static final Set<String> AFFINE = Set.of("Conv", "ConvTranspose", "Gemm", "MatMul", "BatchNormalization");

    private final Set<String> operators;

    LrpRule(Set<String> operators) {
        this.operators = Set.copyOf(operators);
    }

    @Override
    public boolean appliesTo(GraphNode node) {
        return operators.contains(node.operator()) && (!AFFINE.contains(node.operator()) || node.affine().isPresent());
    }

    /** {@code numerator / (denominator + ε·sign(denominator))}, with sign(0) = 1 and 0 where that sum is 0. */
    static NDArray stabilisedRatio(NDArray numerator, NDArray denominator, double epsilon) {
        NDArray sign = denominator.gte(0f).toType(denominator.getDataType(), false).mul(2f).sub(1f);
        NDArray stabilised = denominator.add(sign.mul((float) epsilon));
        NDArray safe = stabilised.eq(0f).toType(stabilised.getDataType(), false).add(stabilised);
        return numerator.div(safe).mul(stabilised.neq(0f).toType(stabilised.getDataType(), false));
    }

    /**
     * {@code a ⊙ b / (denominator + ε·sign(denominator))} as {@link #stabilisedRatio}, in one loop over the engine's
     * memory (as array operations it took about a dozen passes over every claimed node's output, LRP's largest cost
     * after the convolutions themselves). The three arrays have the same shape.
     */
    static NDArray stabilisedRatio(NDArray a, NDArray b, NDArray denominator, double epsilon) {
        if (!a.getShape().equals(b.getShape()) || !a.getShape().equals(denominator.getShape())) {
            return stabilisedRatio(a.mul(b), denominator, epsilon);
        }
        int rows = a.getShape().dimension() == 0 ? 1 : Math.toIntExact(a.getShape().get(0));
        int sampleSize = rows == 0 ? 0 : Math.toIntExact(a.size() / rows);
        FloatBuffer x = DirectFloats.of(a);
        FloatBuffer y = DirectFloats.of(b);
        FloatBuffer z = DirectFloats.of(denominator);
        float eps = (float) epsilon;
        return DirectFloats.written(b, false, out -> DirectFloats.forEach(rows, row -> {
            int offset = row * sampleSize;
            for (int j = offset; j < offset + sampleSize; j++) {
                float d = z.get(j);
                float stabilised = d + (d >= 0f ? eps : -eps);
                out.put(j, stabilised == 0f ? 0f : x.get(j) * y.get(j) / stabilised);
            }
        }));
    }

    /** The node's affine view, or a clear error. */
    static AffineNode affine(LayerPass pass) {
        return pass.node().affine().orElseThrow(() -> new InvalidInputException("node '" + pass.name() + "' ("
                + pass.node().operator() + ") has no constant weights for an LRP rule"));
    }

    /**
     * A copy of a node's constant (its weight or bias; {@code null} stays {@code null}) owned by the pass's own scope,
     * so that what rules derive from it is freed with the pass instead of piling up beside the model's weights.
     */
    static NDArray inPass(NDArray constant, LayerPass pass) {
        return constant == null ? null : pass.input().getManager().zeros(constant.getShape(), constant.getDataType())
                .add(constant);
    }

    /** The cotangent at the node's input for the relevance {@code z ⊙ cotangent} at its output. */
    @Override
    public abstract NDArray backward(LayerPass pass, NDArray cotangent, LayerBackward layer);
}
