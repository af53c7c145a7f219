package dev.glassbox.djl.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.model.EngineErrors;
import dev.glassbox.core.model.ModelOptions;
import dev.glassbox.core.model.Shape;
import dev.glassbox.djl.Gradients;
import dev.glassbox.djl.GraphModel;
import dev.glassbox.djl.LayerGradient;
import dev.glassbox.djl.OutputWeighting;
import dev.glassbox.djl.graph.GraphNode;
import dev.glassbox.djl.graph.ModelGraph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A model imported as a graph glassbox holds (an ONNX file read node by node) and run on the PyTorch engine with
 * autograd: input gradients, the output and gradient of every node by name, and the rules engine (DeepLIFT, guided
 * backprop, LRP) all work on it. Graphs that read token ids (int64 input) take float rows holding the ids; their
 * input has no gradient, but every node after the embedding lookup has.
 */
public final class ImportedModel extends EngineModel implements GraphModel {
    private final ModelGraph graph;
    private final AutoCloseable resources;
    private final String description;
    private dev.glassbox.core.model.Model forward;
    private InnerTensorRuntime inner;

    ImportedModel(NDManager manager, ModelGraph graph, AutoCloseable resources, Shape inputShape, int outputSize,
            ModelOptions options, String description) {
        super(manager, inputShape, outputSize, options);
        this.graph = graph;
        this.resources = resources;
        this.description = description;
    }

    /**
     * Lets another runtime of the same file answer {@link #predict} (ONNX Runtime, several times faster than the
     * engine for forward passes on CPU: perturbation methods, calibration and plain predictions use it), while
     * gradients and layers keep using the graph. It is closed with this model.
     */
    void forwardWith(dev.glassbox.core.model.Model runtime) {
        if (runtime.outputSize() != outputSize() || !runtime.inputShape().equals(inputShape())) {
            throw new IllegalArgumentException(runtime + " does not take and give what " + description + " does");
        }
        this.forward = runtime;
    }

    /**
     * Lets another runtime of the same file compute the inner tensors where no gradient is needed: the pass up to a
     * layer whose activations, or whose activations and gradients, a method asks for (Grad-CAM, TCAV, dissection,
     * embeddings of hidden layers). The rest of the pass, and every gradient, stays on the graph. It is closed with
     * this model.
     */
    void innerTensorsWith(InnerTensorRuntime runtime) {
        this.inner = runtime;
    }

    @Override
    public float[][] predict(float[][] batch) {
        return forward == null ? super.predict(batch) : forward.predict(batch);
    }

    /**
     * The scores of the graph's own forward pass on the engine (the scores gradient methods see), whatever answers
     * {@link #predict}.
     */
    public float[][] predictOnGraph(float[][] batch) {
        return super.predict(batch);
    }

    /**
     * Wraps a graph: {@code resources} (the graph's constants) are closed with the model; the output size is learnt
     * from one zero sample of {@code inputShape}.
     */
    static ImportedModel of(ModelGraph graph, AutoCloseable resources, Shape inputShape, ModelOptions options,
            String description) {
        NDManager manager = NDManager.newBaseManager(ai.djl.engine.Engine.getEngine("PyTorch").defaultDevice(), "PyTorch");
        try {
            int outputSize = EngineModel.probeOutputSize(manager, inputShape, x -> graph.run(cast(x, graph)), description);
            return new ImportedModel(manager, graph, resources, inputShape, outputSize, options, description);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    private static NDArray cast(NDArray x, ModelGraph graph) {
        return graph.inputType() == DataType.FLOAT32 ? x : x.toType(graph.inputType(), false);
    }

    @Override
    public ModelGraph graph() {
        return graph;
    }

    @Override
    protected NDArray forward(NDArray x) {
        return graph.run(cast(x, graph));
    }

    @Override
    public Gradients gradients(float[][] batch, OutputWeighting weighting) {
        requireFloatInput();
        return super.gradients(batch, weighting);
    }

    private void requireFloatInput() {
        if (graph.inputType() != DataType.FLOAT32) {
            throw new InvalidInputException(description + " reads " + graph.inputType() + " values (such as token ids), "
                    + "which have no gradient: explain a layer after the lookup instead (--layer, e.g. the embedding's "
                    + "output)");
        }
    }

    /** Node names in topological order; every node's output tensor name is accepted as a layer name too. */
    @Override
    public List<String> layerNames() {
        return graph.nodes().stream().map(GraphNode::name).toList();
    }

    @Override
    public Map<String, Shape> layerShapes() {
        return nodeShapes(graph, x -> cast(x, graph));
    }

    /**
     * The layer's output and the gradient of the weighted scores with respect to it: the pass up to the node that
     * writes the layer's tensor runs without a graph (on the inner-tensor runtime when there is one), the tensor becomes
     * a leaf, and the rest of the graph runs under autograd from the tensors it reads, so the gradient counts every path
     * from the tensor to the scores (skip connections included).
     */
    @Override
    public LayerGradient layerGradient(float[][] batch, String layer, OutputWeighting weighting) {
        String tensor = graph.tensorOf(layer);
        int writer = graph.writerOf(tensor);
        List<String> needed = new ArrayList<>(List.of(tensor));
        graph.readAfter(writer).stream().filter(t -> !t.equals(tensor)).forEach(needed::add);
        Map<String, NDArray> before = new HashMap<>();
        return layerGradientInChunks(batch, layer, weighting, x -> {
            before.clear();
            before.putAll(upTo(x, writer, needed));
            return before.get(tensor);
        }, activation -> {
            Map<String, NDArray> known = new HashMap<>(before);
            known.put(tensor, activation);
            return graph.runBetween(known, writer + 1, graph.nodes().size(), (i, node, in, out) -> { })
                    .get(graph.output());
        });
    }

    @Override
    public float[][] activations(float[][] batch, String layer) {
        String tensor = graph.tensorOf(layer);
        int writer = graph.writerOf(tensor);
        return predictWith(batch, x -> upTo(x, writer, List.of(tensor)).get(tensor));
    }

    @Override
    public Gradients activationInputGradient(float[][] batch, String layer, OutputWeighting weighting) {
        requireFloatInput();
        return gradientsThrough(batch, weighting, upTo(layer));
    }

    /** The pass from the input to {@code layer}'s tensor, on the graph. */
    private UnaryOperator<NDArray> upTo(String layer) {
        String tensor = graph.tensorOf(layer);
        int writer = graph.writerOf(tensor);
        return x -> onGraph(x, writer).get(tensor);
    }

    /** Every tensor known once the graph's nodes up to {@code writer} have run on {@code x}. */
    private Map<String, NDArray> onGraph(NDArray x, int writer) {
        return graph.runBetween(Map.of(graph.input(), cast(x, graph)), 0, writer + 1, (i, node, in, out) -> { });
    }

    /**
     * The {@code needed} tensors (and the input), all written by node {@code writer} or before, without a graph: from
     * the inner-tensor runtime when it can give them (float input only), else from the graph's nodes up to
     * {@code writer}.
     */
    private Map<String, NDArray> upTo(NDArray x, int writer, List<String> needed) {
        if (inner != null && graph.inputType() == DataType.FLOAT32) {
            Map<String, NDArray> values = inner.tensors(x, needed.stream().filter(t -> !t.equals(graph.input()))
                    .toList());
            if (values != null) {
                Map<String, NDArray> known = new HashMap<>(values);
                known.put(graph.input(), x);
                return known;
            }
        }
        return onGraph(x, writer);
    }

    @Override
    public void close() {
        try {
            if (forward != null) {
                forward.close();
            }
            if (inner != null) {
                inner.close();
            }
            super.close();
        } finally {
            try {
                resources.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot release " + description + ": " + EngineErrors.firstLine(e), e);
            }
        }
    }

    @Override
    public String toString() {
        return description;
    }
}
