package dev.glassbox.djl.privacy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import dev.glassbox.djl.model.NamedBlocks;
import dev.glassbox.djl.backprop.Scalars;
import java.util.ArrayList;
import java.util.List;

/**
 * Every example's own gradient of its loss with respect to the weights of a sequential network, from one forward and
 * one backward pass: each weight is copied once per example (a leaf of shape {@code batch × weight}), convolutions
 * run as one grouped convolution with a group per example, linear layers as one batched product, so the gradient of
 * the summed loss with respect to copy i is example i's gradient (the expanded-weights construction of Goodfellow
 * 2015 and Rochette et al. 2019). Layers with weights must be {@link Conv2d} (one group) or {@link Linear}; every
 * other layer must have none: BatchNorm mixes the examples of a batch, so its per-example gradient is undefined and
 * DP-SGD refuses it.
 */
public final class PerExampleGradients {
    private final NamedBlocks layers;
    private final List<Parameter> parameters = new ArrayList<>();

    private PerExampleGradients(NamedBlocks layers) {
        this.layers = layers;
        for (String name : layers.names()) {
            Block layer = layers.layer(name);
            boolean supported = layer instanceof Linear || layer instanceof Conv2d conv && conv.getGroups() == 1;
            if (!supported && !layer.getParameters().isEmpty()) {
                throw new IllegalArgumentException("per-example gradients need layers with weights to be Conv2d (one "
                        + "group) or Linear; layer '" + name + "' is a " + layer.getClass().getSimpleName()
                        + " with weights (BatchNorm mixes the examples of a batch: use a network without it)");
            }
            if (supported) {
                layer.getParameters().values().forEach(parameters::add);
            }
        }
    }

    /** The per-example gradients of a network whose layers are initialised. */
    public static PerExampleGradients of(NamedBlocks layers) {
        return new PerExampleGradients(layers);
    }

    /** The weights, in the order of {@link #compute}'s arrays. */
    public List<Parameter> parameters() {
        return List.copyOf(parameters);
    }

    /**
     * The gradient of each example's loss {@code loss(label_i, f(x_i))} with respect to each weight: one array per
     * weight, of shape {@code batch × weight}, made in {@code scope}.
     */
    public List<NDArray> compute(NDManager scope, NDArray inputs, NDArray labels, Loss loss) {
        long batch = inputs.getShape().get(0);
        List<NDArray> copies = new ArrayList<>();
        for (Parameter p : parameters) {
            // made from the weight, the detached view would belong to the weights' manager (and so would the
            // batch × weight copy made from it, kept for the life of the model): moved to the scope first
            NDArray detached = p.getArray().stopGradient();
            detached.attach(scope);
            NDArray copy = detached.expandDims(0).repeat(0, batch);
            copy.setRequiresGradient(true);
            copies.add(copy);
        }
        try (GradientCollector collector = inputs.getManager().getEngine().newGradientCollector()) {
            NDArray scores = forward(scope, inputs, copies);
            // the loss averages over the batch: scaled back to a sum, each copy sees its own example's loss
            NDArray mean = loss.evaluate(new NDList(labels), new NDList(scores));
            collector.backward(mean.mul(Scalars.like(mean, batch)));
        }
        List<NDArray> out = new ArrayList<>();
        for (NDArray copy : copies) {
            out.add(copy.getGradient().duplicate());
        }
        return out;
    }

    private NDArray forward(NDManager scope, NDArray inputs, List<NDArray> copies) {
        ParameterStore store = new ParameterStore(scope, false);
        long batch = inputs.getShape().get(0);
        NDArray h = inputs;
        int next = 0;
        for (String name : layers.names()) {
            Block layer = layers.layer(name);
            if (layer instanceof Conv2d conv) {
                NDArray w = copies.get(next++);
                NDArray b = conv.isIncludeBias() ? copies.get(next++) : null;
                Shape in = h.getShape();
                Shape ws = w.getShape();
                long filters = ws.get(1);
                NDArray grouped = Conv2d.conv2d(h.reshape(1, batch * in.get(1), in.get(2), in.get(3)),
                        w.reshape(new Shape(batch * filters).addAll(ws.slice(2))),
                        b == null ? null : b.reshape(batch * filters), conv.getStride(), conv.getPadding(),
                        conv.getDilation(), (int) batch).singletonOrThrow();
                Shape out = grouped.getShape();
                h = grouped.reshape(batch, filters, out.get(2), out.get(3));
            } else if (layer instanceof Linear) {
                NDArray w = copies.get(next++);
                NDArray b = layer.getParameters().size() > 1 ? copies.get(next++) : null;
                long units = w.getShape().get(1);
                NDArray y = h.reshape(batch, 1, -1).batchMatMul(w.transpose(0, 2, 1)).reshape(batch, units);
                h = b == null ? y : y.add(b);
            } else {
                h = layer.forward(store, new NDList(h), true).singletonOrThrow();
            }
        }
        return h;
    }

    /**
     * Σᵢ gᵢ · min(1, C / (‖gᵢ‖ + 1e-6)), the per-example gradients clipped to norm C (their norm taken over every
     * weight together) and summed over the batch: one array per weight, shaped like it.
     */
    public static List<NDArray> clipAndSum(List<NDArray> perExample, double clipNorm) {
        NDArray factors = clipFactors(perExample, clipNorm);
        List<NDArray> out = new ArrayList<>();
        for (NDArray g : perExample) {
            out.add(g.mul(factors.reshape(broadcastShape(g))).sum(new int[] {0}));
        }
        return out;
    }

    /** min(1, C / (‖gᵢ‖ + 1e-6)) for each example i, as Opacus clips. */
    public static NDArray clipFactors(List<NDArray> perExample, double clipNorm) {
        if (!(clipNorm > 0) || Double.isInfinite(clipNorm)) {
            throw new IllegalArgumentException("the clipping norm must be positive and finite, was " + clipNorm);
        }
        return norms(perExample).add(1e-6).pow(-1).mul(clipNorm).minimum(1f);
    }

    /** ‖gᵢ‖ over every weight together, for each example i. */
    public static NDArray norms(List<NDArray> perExample) {
        NDArray squares = null;
        for (NDArray g : perExample) {
            NDArray s = g.reshape(g.getShape().get(0), -1).square().sum(new int[] {1});
            squares = squares == null ? s : squares.add(s);
        }
        return squares.sqrt();
    }

    private static Shape broadcastShape(NDArray g) {
        long[] dims = new long[g.getShape().dimension()];
        java.util.Arrays.fill(dims, 1);
        dims[0] = g.getShape().get(0);
        return new Shape(dims);
    }
}
