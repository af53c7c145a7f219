package dev.glassbox.djl.model;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import dev.glassbox.core.model.Batches;
import dev.glassbox.core.model.ModelOptions;
import dev.glassbox.core.model.Shape;
import dev.glassbox.djl.DifferentiableModel;
import dev.glassbox.djl.Gradients;
import dev.glassbox.djl.GraphModel;
import dev.glassbox.djl.LayerGradient;
import dev.glassbox.djl.OutputWeighting;
import dev.glassbox.djl.ParameterizedModel;
import dev.glassbox.djl.backprop.Tensors;
import dev.glassbox.djl.graph.ModelGraph;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.Map;

/**
 * A model built in Java from DJL blocks with named layers. Every layer's output is reachable, with its gradient, so
 * layer methods (Grad-CAM, TCAV, dissection) can address any of them by name. Passes run in inference mode: dropout
 * off, BatchNorm on its running statistics. {@link #predictSampled} runs chosen layers in training mode instead, for
 * MC dropout and Bayesian layers. The parameters are frozen when the model is wrapped: attribution methods take
 * gradients with respect to inputs and activations only, and skipping the weights' gradients makes every backward
 * pass about a quarter cheaper. Train first, then wrap.
 */
public final class BlockModel extends EngineModel implements GraphModel, ParameterizedModel {
    private final Model model;
    private final NamedBlocks layers;
    private final ModelGraph graph;

    private BlockModel(Model model, NamedBlocks layers, Shape inputShape, int outputSize, ModelOptions options) {
        super(model.getNDManager().newSubManager(), inputShape, outputSize, options);
        this.model = model;
        this.layers = layers;
        this.graph = BlockNode.chain(layers);
        layers.block().freezeParameters(true);
    }

    /**
     * Wraps a DJL model whose block is {@code layers.block()} and whose parameters are initialised or loaded. The
     * model is closed with this object.
     */
    public static BlockModel of(Model model, NamedBlocks layers, ModelOptions options) {
        if (model.getBlock() != layers.block()) {
            throw new IllegalArgumentException("the DJL model's block must be the named block");
        }
        Shape shape = java.util.Objects.requireNonNull(options.inputShape(), "input shape");
        int outputSize = EngineModel.probeOutputSize(model.getNDManager(), shape,
                x -> run(layers, x, 0, layers.names().size()), "DJL model " + model.getName());
        return new BlockModel(model, layers, shape, outputSize, options);
    }

    /** The layers as a chain of graph nodes, each reading its predecessor's output. */
    @Override
    public ModelGraph graph() {
        return graph;
    }

    @Override
    public Map<String, Shape> layerShapes() {
        return nodeShapes(graph, x -> x);
    }

    /** The named layers. */
    public NamedBlocks layers() {
        return layers;
    }

    /** The DJL model (for saving, or training further). */
    public Model djlModel() {
        return model;
    }

    @Override
    protected NDArray forward(NDArray x) {
        return run(layers, x, 0, layers.names().size());
    }

    /**
     * {@code passes} stochastic passes over each row of {@code batch}, with the layers that {@code sampled} accepts
     * run in training mode (dropout draws its masks, Bayesian layers draw their weights) and every other layer in
     * inference mode (BatchNorm normalises with its running statistics and never updates them). The layers before the
     * first sampled one are deterministic, so they run once per row and their output is repeated for the passes.
     * The result holds {@code passes × rows} rows, pass after pass; each is an independent draw (seed the engine for
     * reproducible draws). The whole batch goes through the engine at once: keep {@code passes × rows} near
     * {@link #batchSize()}.
     */
    public float[][] predictSampled(float[][] batch, int passes, Predicate<Block> sampled) {
        Batches.requireValid(batch, inputShape());
        List<String> stochastic = layersWhere(sampled);
        int first = stochastic.isEmpty() ? layers.names().size() : layers.indexOf(stochastic.get(0));
        try (NDManager scope = manager().newSubManager()) {
            NDArray shared = run(layers, Tensors.fromRows(scope, batch, inputShape()), 0, first);
            NDList copies = new NDList(passes);
            for (int t = 0; t < passes; t++) {
                copies.add(shared);
            }
            NDArray repeated = passes == 1 ? shared : NDArrays.concat(copies, 0);
            return Tensors.toRows(run(layers, repeated, first, layers.names().size(), sampled));
        }
    }

    /** The names of the layers that {@code kind} accepts, in forward order. */
    public List<String> layersWhere(Predicate<Block> kind) {
        var children = layers.block().getChildren();
        return IntStream.range(0, children.size()).filter(i -> kind.test(children.get(i).getValue()))
                .mapToObj(layers.names()::get).toList();
    }

    @Override
    public List<String> layerNames() {
        return layers.names();
    }

    /** The named layers that hold parameters (convolutions, BatchNorm with its running statistics, linear layers). */
    @Override
    public Map<String, List<Parameter>> parameters() {
        Map<String, List<Parameter>> out = new LinkedHashMap<>();
        for (String name : layers.names()) {
            List<Parameter> own = layers.layer(name).getParameters().values();
            if (!own.isEmpty()) {
                out.put(name, own);
            }
        }
        return out;
    }

    @Override
    public float[][] activations(float[][] batch, String layer) {
        int to = layers.indexOf(layer) + 1;
        return predictWith(batch, x -> run(layers, x, 0, to));
    }

    /**
     * The layers after {@code layer} as a model of their own, whose input is that layer's output: gradients and
     * attributions with respect to an activation (such as a text network's embeddings) are input gradients of this
     * model. It shares this model's parameters; close it before this model.
     */
    public DifferentiableModel after(String layer) {
        int from = layers.indexOf(layer) + 1;
        Shape shape;
        try (NDManager scope = manager().newSubManager()) {
            NDArray probe = run(layers, scope.zeros(new ai.djl.ndarray.types.Shape(inputShape().withBatch(1))), 0, from);
            shape = Tensors.sampleShape(probe);
        }
        return new BlockTail(manager().newSubManager(), layers, from, new ModelOptions(shape, outputNames(), batchSize()),
                outputSize());
    }

    @Override
    public LayerGradient layerGradient(float[][] batch, String layer, OutputWeighting weighting) {
        int split = layers.indexOf(layer) + 1;
        int end = layers.names().size();
        return layerGradientInChunks(batch, layer, weighting, x -> run(layers, x, 0, split), a -> run(layers, a, split, end));
    }

    @Override
    public Gradients activationInputGradient(float[][] batch, String layer, OutputWeighting weighting) {
        int to = layers.indexOf(layer) + 1;
        return gradientsThrough(batch, weighting, x -> run(layers, x, 0, to));
    }

    /** Runs layers {@code [from, to)} in inference mode. */
    static NDArray run(NamedBlocks layers, NDArray x, int from, int to) {
        return run(layers, x, from, to, layer -> false);
    }

    /** Runs layers {@code [from, to)}, those that {@code training} accepts in training mode, the rest in inference. */
    private static NDArray run(NamedBlocks layers, NDArray x, int from, int to, Predicate<Block> training) {
        ParameterStore store = new ParameterStore(x.getManager(), false);
        NDList values = new NDList(x);
        var children = layers.block().getChildren();
        for (int i = from; i < to; i++) {
            Block child = children.get(i).getValue();
            values = child.forward(store, values, training.test(child));
        }
        return values.singletonOrThrow();
    }

    @Override
    public void close() {
        super.close();
        model.close();
    }

    @Override
    public String toString() {
        return "DJL model " + model.getName() + " " + layers.names();
    }
}
