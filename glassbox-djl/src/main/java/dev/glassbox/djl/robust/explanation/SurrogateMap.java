package dev.glassbox.djl.robust.explanation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.explain.catalogue.MethodSettings;
import dev.glassbox.core.explain.path.IntegrationRule;
import dev.glassbox.djl.backprop.GraphGradients;
import dev.glassbox.djl.backprop.Scalars;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * An explanation map computed on a {@link SoftplusSurrogate} with its autograd graph kept, so that a loss of the map
 * can be differentiated with respect to the input (double backward): the saliency map |∇ₓ z_c|, Gradient × Input
 * |x ⊙ ∇ₓ z_c|, Integrated Gradients from a zero baseline |x ⊙ Σ_s w_s ∇z_c(α_s x)| on an integration rule's nodes, or
 * SmoothGrad |(1/n) Σ_s ∇z_c(x + σ(x) ε_s)| with σ(x) the noise fraction of the input's range — the maps glassbox's
 * {@code saliency}, {@code ixg}, {@code ig} and {@code smoothgrad} explainers draw, in absolute value. SmoothGrad's
 * noise ε_s is drawn once from the settings' seed and is the same for every input and every step, as an attacker who
 * knows the seed sees it; the real explainer draws its own, and judges every step.
 */
public final class SurrogateMap {
    private final String method;
    private final IntegrationRule.Nodes path;
    private final int noisyCopies;
    private final double noise;
    private final long seed;

    private SurrogateMap(String method, IntegrationRule.Nodes path, int noisyCopies, double noise, long seed) {
        this.method = method;
        this.path = path;
        this.noisyCopies = noisyCopies;
        this.noise = noise;
        this.seed = seed;
    }

    /**
     * The map of the named explainer with its settings: {@code saliency}, {@code ixg}, {@code ig} (on the settings'
     * integration rule and steps) or {@code smoothgrad} (the settings' samples, noise fraction and seed).
     */
    public static SurrogateMap of(String method, MethodSettings settings) {
        String name = method.trim().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "saliency", "ixg" -> new SurrogateMap(name, null, 0, 0, 0);
            case "ig" -> new SurrogateMap(name, settings.integrationRule().nodes(settings.steps()), 0, 0, 0);
            case "smoothgrad" -> new SurrogateMap(name, null, settings.samples(), settings.noise(), settings.seed());
            default -> throw new InvalidInputException("the softplus surrogate differentiates the maps of saliency, "
                    + "ixg, ig and smoothgrad, not '" + method + "'; attack " + method
                    + " with the smoothed gradient estimate");
        };
    }

    /** The explainer's name. */
    public String method() {
        return method;
    }

    /** Forward and backward passes per input: the path's nodes for IG, the noisy copies for SmoothGrad, else 1. */
    public int pointsPerInput() {
        return path != null ? path.alphas().length : Math.max(1, noisyCopies);
    }

    /**
     * The absolute maps of a batch {@code x} (which must require a gradient; recording on) for the classes one-hot in
     * {@code classes} ([batch, outputs]), shaped like {@code x}, with their graph.
     */
    NDArray maps(SoftplusSurrogate net, NDArray x, NDArray classes) {
        Shape sample = x.getShape().slice(1);
        if (path != null) {
            Shape perNode = new Shape(1, path.alphas().length).addAll(new Shape(ones(sample.dimension())));
            NDArray points = x.expandDims(1).mul(owned(x, path.alphas()).reshape(perNode));
            NDArray gradients = gradientsAt(net, points, classes);
            return gradients.mul(owned(x, path.weights()).reshape(perNode)).sum(new int[] {1}).mul(x).abs();
        }
        if (noisyCopies > 0) {
            long batch = x.getShape().get(0);
            Shape perInput = new Shape(batch, 1).addAll(new Shape(ones(sample.dimension())));
            NDArray flat = x.reshape(batch, -1);
            NDArray sigma = flat.max(new int[] {1}).sub(flat.min(new int[] {1})).mul(noise).reshape(perInput);
            NDArray points = x.expandDims(1).add(standardNoise(x, sample).mul(sigma));
            return gradientsAt(net, points, classes).mean(new int[] {1}).abs();
        }
        NDArray gradient = classGradient(net, x, classes);
        return ("ixg".equals(method) ? gradient.mul(x) : gradient).abs();
    }

    /** ∇ z_c at points [batch, k, sample...], each for its input's class, shaped like the points, with its graph. */
    private static NDArray gradientsAt(SoftplusSurrogate net, NDArray points, NDArray classes) {
        Shape shape = points.getShape();
        long rows = shape.get(0) * shape.get(1);
        NDArray repeated = classes.expandDims(1).repeat(1, shape.get(1)).reshape(new Shape(rows, -1));
        return classGradient(net, points.reshape(new Shape(rows).addAll(shape.slice(2))), repeated).reshape(shape);
    }

    /** SmoothGrad's standard normal noise, [1, copies, sample...], the same draws for every call. */
    private NDArray standardNoise(NDArray like, Shape sample) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] draws = new double[Math.toIntExact(noisyCopies * sample.size())];
        for (int i = 0; i < draws.length; i++) {
            draws[i] = random.nextGaussian();
        }
        return owned(like, draws).reshape(new Shape(1, noisyCopies).addAll(sample));
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
