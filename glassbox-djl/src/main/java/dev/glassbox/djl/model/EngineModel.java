package dev.glassbox.djl.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.glassbox.core.model.Batches;
import dev.glassbox.core.model.EngineErrors;
import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.ModelLoadException;
import dev.glassbox.core.model.ModelOptions;
import dev.glassbox.core.model.Shape;
import dev.glassbox.djl.DifferentiableModel;
import dev.glassbox.djl.Gradients;
import dev.glassbox.djl.LayerGradient;
import dev.glassbox.djl.OutputWeighting;
import dev.glassbox.djl.backprop.Backprop;
import dev.glassbox.djl.backprop.Tensors;
import dev.glassbox.djl.graph.ModelGraph;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Shared mechanics of models that run on the PyTorch engine: input checks, batches streamed through the engine in
 * chunks of at most {@link ModelOptions#batchSize()} samples, and gradients through {@link Backprop}. Subclasses
 * supply the forward pass.
 */
public abstract class EngineModel implements DifferentiableModel {
    private final NDManager manager;
    private final Shape inputShape;
    private final int outputSize;
    private final List<String> classNames;
    private final int batchSize;
    private volatile Map<String, Shape> nodeShapes;

    EngineModel(NDManager manager, Shape inputShape, int outputSize, ModelOptions options) {
        Backprop.requireCorrectConvolutions();
        this.manager = manager;
        this.inputShape = inputShape;
        this.outputSize = outputSize;
        this.batchSize = options.batchSize();
        this.classNames = Model.namesOrDefault(options.classNames(), outputSize);
    }

    /** The model's scores for a batch already on the engine. */
    protected abstract NDArray forward(NDArray x);

    /** The manager that owns the model's parameters: passes over the model open sub-managers of it. */
    public NDManager manager() {
        return manager;
    }

    @Override
    public Shape inputShape() {
        return inputShape;
    }

    @Override
    public int outputSize() {
        return outputSize;
    }

    @Override
    public List<String> outputNames() {
        return classNames;
    }

    /** How many samples go through the engine at once. */
    public int batchSize() {
        return batchSize;
    }

    @Override
    public float[][] predict(float[][] batch) {
        return predictWith(batch, this::forward);
    }

    /** Scores of a checked batch from another forward pass, streamed in chunks of at most {@link #batchSize()}. */
    protected float[][] predictWith(float[][] batch, UnaryOperator<NDArray> pass) {
        Batches.requireValid(batch, inputShape);
        return Batches.mapInChunks(batch, batchSize, chunk -> {
            try (NDManager scope = manager.newSubManager()) {
                return Tensors.toRows(pass.apply(Tensors.fromRows(scope, chunk, inputShape)));
            }
        });
    }

    @Override
    public Gradients gradients(float[][] batch, OutputWeighting weighting) {
        return gradientsThrough(batch, weighting, this::forward);
    }

    /**
     * Input gradients of a weighting of what {@code pass} gives (the scores, or a layer's activation), taken in chunks
     * of at most {@link #batchSize()} samples.
     */
    protected Gradients gradientsThrough(float[][] batch, OutputWeighting weighting, UnaryOperator<NDArray> pass) {
        Batches.requireValid(batch, inputShape);
        return Gradients.inChunks(batch.length, batchSize, (from, to) -> Backprop.inputGradient(manager, inputShape,
                java.util.Arrays.copyOfRange(batch, from, to), from, weighting, pass));
    }

    /** A layer gradient taken in chunks of at most {@link #batchSize()} samples, joined. */
    protected LayerGradient layerGradientInChunks(float[][] batch, String layer, OutputWeighting weighting,
            UnaryOperator<NDArray> toLayer, UnaryOperator<NDArray> fromLayer) {
        Batches.requireValid(batch, inputShape);
        LayerGradient joined = null;
        for (int[] range : Batches.chunks(batch.length, batchSize)) {
            LayerGradient part = Backprop.layerGradient(manager, layer, inputShape,
                    java.util.Arrays.copyOfRange(batch, range[0], range[1]), range[0], weighting, toLayer, fromLayer);
            if (joined == null) {
                joined = new LayerGradient(layer, part.shape(), new float[batch.length][], new float[batch.length][],
                        new float[batch.length][]);
            }
            System.arraycopy(part.activations(), 0, joined.activations(), range[0], part.activations().length);
            System.arraycopy(part.gradients(), 0, joined.gradients(), range[0], part.gradients().length);
            System.arraycopy(part.scores(), 0, joined.scores(), range[0], part.scores().length);
        }
        return joined;
    }

    /**
     * The sample shape at each node's first output of {@code graph} for one zero sample, prepared for the graph (found
     * once: the graph and the input shape are fixed); nodes
     * whose output has no batch dimension or is not floating point (shape computations, scalars) are left out.
     */
    protected Map<String, Shape> nodeShapes(ModelGraph graph, UnaryOperator<NDArray> prepare) {
        Map<String, Shape> known = nodeShapes;
        if (known != null) {
            return known;
        }
        Map<String, Shape> shapes = new LinkedHashMap<>();
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = scope.zeros(new ai.djl.ndarray.types.Shape(inputShape.withBatch(1)));
            graph.run(prepare.apply(x), (index, node, inputs, outputs) -> {
                ai.djl.ndarray.types.Shape shape = outputs.get(0).getShape();
                if (shape.dimension() > 0 && shape.get(0) == 1 && outputs.get(0).getDataType().isFloating()) {
                    shapes.put(node.name(), Tensors.sampleShape(outputs.get(0)));
                }
            });
        }
        nodeShapes = java.util.Collections.unmodifiableMap(shapes);
        return nodeShapes;
    }

    @Override
    public void close() {
        manager.close();
    }

    /** Runs {@code forward} on one zero sample to learn the output size, with a clear error if the shape is refused. */
    static int probeOutputSize(NDManager manager, Shape inputShape, UnaryOperator<NDArray> forward, String what) {
        long[] outputShape;
        try (NDManager scope = manager.newSubManager()) {
            outputShape = forward.apply(scope.zeros(new ai.djl.ndarray.types.Shape(inputShape.withBatch(1))))
                    .getShape().getShape();
        } catch (RuntimeException e) {
            throw new ModelLoadException(what + " does not accept inputs of shape " + inputShape + ": "
                    + EngineErrors.firstLine(e), e);
        }
        if (outputShape.length != 2) {
            throw new ModelLoadException(what + " returns scores of shape " + java.util.Arrays.toString(outputShape)
                    + " for one sample; glassbox expects one row of scores per sample (batch × outputs)");
        }
        return Math.toIntExact(outputShape[1]);
    }
}
