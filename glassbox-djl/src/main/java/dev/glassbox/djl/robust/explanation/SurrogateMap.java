package dev.glassbox.djl.robust.explanation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.explain.path.IntegrationRule;
import dev.glassbox.djl.backprop.GraphGradients;
import dev.glassbox.djl.backprop.Scalars;
import java.util.Arrays;
import java.util.Locale;

/**
 * An explanation map computed on a {@link SoftplusSurrogate} with its autograd graph kept, so that a loss of the map
 * can be differentiated with respect to the input (double backward): the saliency map |∇ₓ z_c|, Gradient × Input
 * |x ⊙ ∇ₓ z_c|, or Integrated Gradients from a zero baseline |x ⊙ Σ_s w_s ∇z_c(α_s x)| on an integration rule's
 * nodes — the maps glassbox's {@code saliency}, {@code ixg} and {@code ig} explainers draw, in absolute value.
 */
public final class SurrogateMap {
    private final String method;
    private final IntegrationRule.Nodes path;

    private SurrogateMap(String method, IntegrationRule.Nodes path) {
        this.method = method;
        this.path = path;
    }

    /** The map of the named explainer: {@code saliency}, {@code ixg}, or {@code ig} on {@code igNodes}. */
    public static SurrogateMap of(String method, IntegrationRule.Nodes igNodes) {
        return switch (method.trim().toLowerCase(Locale.ROOT)) {
            case "saliency" -> new SurrogateMap("saliency", null);
            case "ixg" -> new SurrogateMap("ixg", null);
            case "ig" -> new SurrogateMap("ig", igNodes);
            default -> throw new InvalidInputException("the softplus surrogate differentiates the maps of saliency, "
                    + "ixg and ig, not '" + method + "'; attack " + method + " with the smoothed gradient estimate");
        };
    }

    /** The explainer's name. */
    public String method() {
        return method;
    }

    /** Forward and backward passes per input: the path's nodes for IG, else 1. */
    public int pointsPerInput() {
        return path == null ? 1 : path.alphas().length;
    }

    /**
     * The absolute maps of a batch {@code x} (which must require a gradient; recording on) for the classes one-hot in
     * {@code classes} ([batch, outputs]), shaped like {@code x}, with their graph.
     */
    NDArray maps(SoftplusSurrogate net, NDArray x, NDArray classes) {
        if (path == null) {
            NDArray gradient = classGradient(net, x, classes);
            return ("ixg".equals(method) ? gradient.mul(x) : gradient).abs();
        }
        int nodes = path.alphas().length;
        long batch = x.getShape().get(0);
        Shape sample = x.getShape().slice(1);
        Shape perNode = new Shape(1, nodes).addAll(new Shape(ones(sample.dimension())));
        NDArray alphas = owned(x, path.alphas()).reshape(perNode);
        NDArray weights = owned(x, path.weights()).reshape(perNode);
        NDArray points = x.expandDims(1).mul(alphas).reshape(new Shape(batch * nodes).addAll(sample));
        NDArray repeated = classes.expandDims(1).repeat(1, nodes).reshape(new Shape(batch * nodes, -1));
        NDArray gradients = classGradient(net, points, repeated).reshape(new Shape(batch, nodes).addAll(sample));
        return gradients.mul(weights).sum(new int[] {1}).mul(x).abs();
    }

    /** ∇ z_c at every row of {@code x}, with its graph (Σ_i z_{c_i}(x_i) differentiated once). */
    private static NDArray classGradient(SoftplusSurrogate net, NDArray x, NDArray classes) {
        NDArray picked = net.scores(x).mul(classes).sum();
        return GraphGradients.of(picked, x);
    }

    private static long[] ones(int count) {
        long[] out = new long[count];
        Arrays.fill(out, 1);
        return out;
    }

    private static NDArray owned(NDArray like, double[] values) {
        float[] floats = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            floats[i] = (float) values[i];
        }
        return Scalars.owned(like.getManager().create(floats));
    }
}
