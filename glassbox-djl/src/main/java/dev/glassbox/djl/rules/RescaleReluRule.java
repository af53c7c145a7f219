package dev.glassbox.djl.rules;

import ai.djl.ndarray.NDArray;
import dev.glassbox.djl.backprop.LayerBackward;
import dev.glassbox.djl.backprop.LayerPass;
import java.nio.FloatBuffer;

/**
 * DeepLIFT's rescale rule at a ReLU (Shrikumar et al. 2017): the multiplier is Δy/Δx between the input and the
 * reference, and the gradient where the two differ by less than 1e-10, as Captum. Linear layers keep their exact
 * Jacobian, so for networks of linear layers and ReLUs the attributions sum to f(x) − f(x′). The multiplier and its
 * product with the cotangent are one loop over the activations (as separate array operations they took about ten
 * passes). In Captum's flavour the ratio multiplies the plain cotangent where a claimed node (a max-pool) reads the
 * ReLU's output alone ({@link DeepLiftRules#CAPTUM}).
 */
public final class RescaleReluRule extends OperatorRule {
    private static final float EPSILON = 1e-10f;

    private final DeepLiftRules flavour;

    /** The rule in the given flavour (see {@link DeepLiftRules}). */
    public RescaleReluRule(DeepLiftRules flavour) {
        super("Relu");
        this.flavour = flavour;
    }

    @Override
    public boolean readsPlainCotangent() {
        return flavour == DeepLiftRules.CAPTUM;
    }

    @Override
    public NDArray backward(LayerPass pass, NDArray cotangent, LayerBackward layer) {
        NDArray input = References.require(pass).input();
        int rows = Math.toIntExact(input.getShape().get(0));
        int sampleSize = Math.toIntExact(input.size() / rows);
        FloatBuffer x = DirectFloats.of(input);
        FloatBuffer reference = DirectFloats.of(pass.referenceInput());
        int referenceRows = DirectFloats.referenceRows(reference, sampleSize, rows);
        FloatBuffer incoming = DirectFloats.of(cotangent);
        NDArray plain = readsPlainCotangent() ? layer.plainCotangent() : null;
        FloatBuffer rescaled = plain == null ? incoming : DirectFloats.of(plain);
        return DirectFloats.written(cotangent, false, outgoing -> DirectFloats.forEach(rows, row -> {
            int offset = row * sampleSize;
            int referenceOffset = referenceRows == 1 ? 0 : offset;
            for (int j = 0; j < sampleSize; j++) {
                float xi = x.get(offset + j);
                float ri = reference.get(referenceOffset + j);
                float dx = xi - ri;
                outgoing.put(offset + j, Math.abs(dx) < EPSILON ? (xi > 0 ? incoming.get(offset + j) : 0f)
                        : rescaled.get(offset + j) * (Math.max(xi, 0f) - Math.max(ri, 0f)) / dx);
            }
        }));
    }
}
