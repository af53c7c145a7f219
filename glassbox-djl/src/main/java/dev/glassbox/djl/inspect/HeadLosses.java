package dev.glassbox.djl.inspect;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.inspect.ExampleLosses;
import dev.glassbox.djl.backprop.GraphGradients;
import dev.glassbox.djl.model.BlockModel;
import java.util.ArrayList;
import java.util.List;

/**
 * The cross-entropy losses of the layers of a {@link BlockModel} after a named layer (its "head"), over that layer's
 * activations for a set of labelled examples, as functions of the weights of the head's linear layers: θ holds each
 * linear layer's weight (row-major, outputs × inputs) and then its bias, layer after layer. Parameter-free layers
 * (activations, pooling, flattening, dropout) run as they are, in inference mode; a head with any other layer that
 * holds parameters is refused. Everything runs in double precision on copies of the weights, so the model is never
 * changed. Gradients come from autograd; Hessian–vector products from double backward: the gradient {@code g} is
 * taken with its graph, then {@code ∇(g · v)} (Pearlmutter's trick).
 */
public final class HeadLosses implements ExampleLosses, AutoCloseable {
    private final NDManager manager;
    private final List<Block> layers;
    /** For each entry of {@code layers} that is null (a linear layer), how many arrays it holds (weight, bias). */
    private final List<Integer> linearArrays;
    private final List<long[]> linearShapes;
    /** The features and one-hot labels (double precision, in this object's manager). */
    private final NDArray features;
    private final NDArray oneHot;
    private final double[] initial;
    private final int count;
    private final int parameterCount;

    private HeadLosses(NDManager manager, List<Block> layers, List<Integer> linearArrays, List<long[]> linearShapes,
            NDArray features, NDArray oneHot, double[] initial) {
        this.manager = manager;
        this.layers = layers;
        this.linearArrays = linearArrays;
        this.linearShapes = linearShapes;
        this.features = features;
        this.oneHot = oneHot;
        this.initial = initial;
        this.count = (int) oneHot.getShape().get(0);
        this.parameterCount = initial.length;
    }

    /**
     * The losses of the layers after {@code layer} in {@code model}, over {@code activations} (that layer's outputs,
     * one flattened row per example) labelled {@code labels}. Close it before the model.
     */
    public static HeadLosses of(BlockModel model, String layer, float[][] activations, int[] labels) {
        List<String> names = model.layerNames();
        int from = model.layers().indexOf(layer) + 1;
        if (from == names.size()) {
            throw new InvalidInputException("layer '" + layer + "' is the model's last: influence needs layers after it");
        }
        if (activations.length == 0 || activations.length != labels.length) {
            throw new InvalidInputException("influence needs at least one example and one label per example; got "
                    + activations.length + " activations and " + labels.length + " labels");
        }
        List<Block> head = new ArrayList<>();
        List<Integer> arrays = new ArrayList<>();
        List<long[]> shapes = new ArrayList<>();
        List<double[]> weights = new ArrayList<>();
        for (String name : names.subList(from, names.size())) {
            Block block = model.layers().layer(name);
            if (block instanceof Linear) {
                for (Parameter p : block.getParameters().values()) {
                    shapes.add(p.getArray().getShape().getShape());
                    weights.add(p.getArray().toType(DataType.FLOAT64, true).toDoubleArray());
                }
                head.add(null);
                arrays.add(block.getParameters().size());
            } else if (block.getParameters().isEmpty()) {
                head.add(block);
            } else {
                throw new InvalidInputException("influence on the layers after '" + layer + "' needs them to be linear "
                        + "or without parameters; layer '" + name + "' (" + block.getClass().getSimpleName()
                        + ") holds parameters: choose a later layer");
            }
        }
        if (shapes.isEmpty()) {
            throw new InvalidInputException("the layers after '" + layer + "' hold no linear layer whose weights "
                    + "influence could be taken over");
        }
        int classes = model.outputSize();
        double[] flat = new double[activations.length * activations[0].length];
        double[] hot = new double[labels.length * classes];
        for (int i = 0; i < activations.length; i++) {
            for (int j = 0; j < activations[i].length; j++) {
                flat[i * activations[0].length + j] = activations[i][j];
            }
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new InvalidInputException("label " + labels[i] + " of example " + i + " is outside 0.."
                        + (classes - 1));
            }
            hot[i * classes + labels[i]] = 1;
        }
        Shape shape = new Shape(model.layerShapes().get(layer).withBatch(1)).slice(1);
        NDManager manager = model.djlModel().getNDManager().newSubManager();
        NDArray features = manager.create(flat, new Shape(labels.length).addAll(shape));
        NDArray oneHot = manager.create(hot, new Shape(labels.length, classes));
        return new HeadLosses(manager, head, arrays, shapes, features, oneHot, concat(weights));
    }

    /** The model's own weights of the head, as θ. */
    public double[] theta() {
        return initial.clone();
    }

    @Override
    public int size() {
        return count;
    }

    @Override
    public int parameterCount() {
        return parameterCount;
    }

    @Override
    public double[] losses(double[] theta) {
        try (NDManager scope = scope()) {
            return perExample(rows(scope, 0, count), labels(scope, 0, count), parameters(scope, theta, false))
                    .toDoubleArray();
        }
    }

    @Override
    public double[][] gradients(double[] theta, int[] examples) {
        double[][] out = new double[examples.length][];
        for (int e = 0; e < examples.length; e++) {
            int i = examples[e];
            try (NDManager scope = scope();
                    GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                List<NDArray> params = parameters(scope, theta, true);
                collector.backward(perExample(rows(scope, i, i + 1), labels(scope, i, i + 1), params).sum());
                out[e] = gradientOf(params);
            }
        }
        return out;
    }

    @Override
    public double[] weightedGradient(double[] theta, double[] weights) {
        try (NDManager scope = scope();
                GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            List<NDArray> params = parameters(scope, theta, true);
            collector.backward(weightedLoss(scope, params, weights));
            return gradientOf(params);
        }
    }

    /**
     * {@inheritDoc} By double backward, exact: the gradient is taken with its graph ({@link GraphGradients}, which
     * writes no parameter's gradient, so nothing outlives the call), then {@code ∇(g · v)}.
     */
    @Override
    public double[] weightedHessianTimes(double[] theta, double[] weights, double[] v) {
        try (NDManager scope = scope();
                GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            List<NDArray> params = parameters(scope, theta, true);
            List<NDArray> gradients = GraphGradients.of(weightedLoss(scope, params, weights), params);
            List<NDArray> directions = split(scope, v);
            NDArray product = null;
            for (int k = 0; k < params.size(); k++) {
                NDArray term = gradients.get(k).mul(directions.get(k)).sum();
                product = product == null ? term : product.add(term);
            }
            collector.backward(product);
            return gradientOf(params);
        }
    }

    /**
     * A scope for one computation. Its inputs are made inside it, so that every array computed from them is freed with
     * it (an engine operation's result belongs to its first operand's manager).
     */
    private NDManager scope() {
        return manager.newSubManager();
    }

    /** Features of examples {@code [from, to)}, as an array of the scope (a product with a scalar of the scope). */
    private NDArray rows(NDManager scope, int from, int to) {
        return inScope(scope, features, from, to);
    }

    /** One-hot labels of examples {@code [from, to)}, as an array of the scope. */
    private NDArray labels(NDManager scope, int from, int to) {
        return inScope(scope, oneHot, from, to);
    }

    private static NDArray inScope(NDManager scope, NDArray all, int from, int to) {
        NDArray part = from == 0 && to == all.getShape().get(0) ? all : all.get(new NDIndex("{}:{}", from, to));
        NDArray out = scope.create(1.0).mul(part);
        if (part != all) {
            part.close();
        }
        return out;
    }

    private NDArray weightedLoss(NDManager scope, List<NDArray> params, double[] weights) {
        NDArray w = scope.create(weights);
        return perExample(rows(scope, 0, count), labels(scope, 0, count), params).mul(w).sum();
    }

    /** {@code −log softmax(head(x))_y} for every row. */
    private NDArray perExample(NDArray x, NDArray hot, List<NDArray> params) {
        ParameterStore store = new ParameterStore(x.getManager(), false);
        NDArray out = x;
        int next = 0;
        int linear = 0;
        for (Block block : layers) {
            if (block == null) {
                int arrays = linearArrays.get(linear++);
                NDList result = arrays == 2 ? Linear.linear(out, params.get(next), params.get(next + 1))
                        : Linear.linear(out, params.get(next));
                out = result.singletonOrThrow();
                next += arrays;
            } else {
                out = block.forward(store, new NDList(out), false).singletonOrThrow();
            }
        }
        return out.logSoftmax(1).mul(hot).sum(new int[] {1}).neg();
    }

    /** θ split into the head's weight arrays, in double precision, tracking gradients when asked. */
    private List<NDArray> parameters(NDManager scope, double[] theta, boolean track) {
        if (theta.length != parameterCount) {
            throw new IllegalArgumentException("θ holds " + theta.length + " values; the head has " + parameterCount
                    + " parameters");
        }
        List<NDArray> out = split(scope, theta);
        if (track) {
            out.forEach(p -> p.setRequiresGradient(true));
        }
        return out;
    }

    private List<NDArray> split(NDManager scope, double[] flat) {
        List<NDArray> out = new ArrayList<>();
        int offset = 0;
        for (long[] shape : linearShapes) {
            int size = (int) new Shape(shape).size();
            double[] part = new double[size];
            System.arraycopy(flat, offset, part, 0, size);
            out.add(scope.create(part, new Shape(shape)));
            offset += size;
        }
        return out;
    }

    private static double[] gradientOf(List<NDArray> params) {
        List<double[]> parts = new ArrayList<>();
        for (NDArray p : params) {
            parts.add(p.getGradient().toDoubleArray());
        }
        return concat(parts);
    }

    private static double[] concat(List<double[]> parts) {
        int total = parts.stream().mapToInt(p -> p.length).sum();
        double[] out = new double[total];
        int offset = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, out, offset, p.length);
            offset += p.length;
        }
        return out;
    }

    @Override
    public void close() {
        manager.close();
    }
}
