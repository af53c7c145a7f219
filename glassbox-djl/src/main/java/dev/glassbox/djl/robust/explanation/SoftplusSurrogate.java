package dev.glassbox.djl.robust.explanation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Activation;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.model.Model;
import dev.glassbox.djl.GraphModel;
import dev.glassbox.djl.backprop.Scalars;
import dev.glassbox.djl.graph.GraphNode;
import dev.glassbox.djl.graph.ModelGraph;
import dev.glassbox.djl.model.EngineModel;
import java.util.ArrayList;
import java.util.List;

/**
 * A model whose ReLUs are replaced by softplus_β(x) = log(1 + e^{βx}) / β, everything else kept (Ghorbani et al.
 * 2019; Dombrowski et al. 2019). A ReLU network's explanation maps are piecewise constant in the input, so their exact
 * gradient is zero almost everywhere; the surrogate's maps are smooth, tend to the network's as β grows, and can be
 * differentiated by double backward. It needs a model whose graph glassbox holds (a DJL model built in Java, or an
 * ONNX model imported as a graph) and that reads float inputs.
 */
public final class SoftplusSurrogate {
    private final EngineModel model;
    private final ModelGraph graph;
    private final double beta;
    private final int replaced;

    private SoftplusSurrogate(EngineModel model, ModelGraph graph, double beta, int replaced) {
        this.model = model;
        this.graph = graph;
        this.beta = beta;
        this.replaced = replaced;
    }

    /** The surrogate of {@code model} with softplus of sharpness β > 0 in place of every ReLU node. */
    public static SoftplusSurrogate of(Model model, double beta) {
        if (!(beta > 0) || Double.isInfinite(beta)) {
            throw new InvalidInputException("the softplus sharpness β must be a finite number > 0, got " + beta);
        }
        if (!(model instanceof GraphModel graphModel && model instanceof EngineModel engine)) {
            throw new InvalidInputException("the softplus surrogate needs a model whose graph glassbox holds (a DJL "
                    + "model built in Java, or an ONNX model imported as a graph); " + model + " is opaque: attack "
                    + "it with the smoothed gradient estimate instead");
        }
        ModelGraph graph = graphModel.graph();
        if (graph.inputType() != DataType.FLOAT32) {
            throw new InvalidInputException("the softplus surrogate differentiates the input, but " + model
                    + " reads " + graph.inputType() + " values");
        }
        List<GraphNode> nodes = new ArrayList<>(graph.nodes().size());
        int replaced = 0;
        for (GraphNode node : graph.nodes()) {
            if ("Relu".equals(node.operator())) {
                nodes.add(new SoftplusNode(node, beta));
                replaced++;
            } else {
                nodes.add(node);
            }
        }
        return new SoftplusSurrogate(engine, new ModelGraph(graph.input(), graph.inputType(), nodes, graph.output()),
                beta, replaced);
    }

    /** The model the surrogate stands for. */
    public EngineModel model() {
        return model;
    }

    /** The sharpness β. */
    public double beta() {
        return beta;
    }

    /** How many ReLU nodes became softplus. */
    public int replacedNodes() {
        return replaced;
    }

    /** The surrogate's scores for a batch on the engine, keeping the batch's autograd graph. */
    public NDArray scores(NDArray batch) {
        return graph.run(batch);
    }

    /** A ReLU node computed as softplus_β: same name, tensors and place in the graph. */
    private record SoftplusNode(GraphNode relu, double beta) implements GraphNode {
        @Override
        public String name() {
            return relu.name();
        }

        @Override
        public String operator() {
            return "Softplus";
        }

        @Override
        public List<String> inputs() {
            return relu.inputs();
        }

        @Override
        public List<String> outputs() {
            return relu.outputs();
        }

        @Override
        public NDList forward(NDList inputs) {
            NDArray x = inputs.singletonOrThrow();
            NDArray sharpness = Scalars.like(x, beta);
            return new NDList(Activation.softPlus(x.mul(sharpness)).div(sharpness));
        }
    }
}
