package dev.glassbox.djl.backprop;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.model.Batches;
import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.Shape;
import dev.glassbox.djl.Gradients;
import dev.glassbox.djl.GraphModel;
import dev.glassbox.djl.LayerGradient;
import dev.glassbox.djl.OutputWeighting;
import dev.glassbox.djl.graph.GraphNode;
import dev.glassbox.djl.graph.ModelGraph;
import dev.glassbox.djl.model.EngineModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The rules engine: a forward pass that keeps every node's input and output, then a reverse pass that takes the
 * vector–Jacobian product from the engine's autograd except at nodes a {@link Rule} claims. It works on any graph —
 * chains of DJL blocks and imported ONNX graphs with skip connections, concatenations and tensors read by several
 * nodes. The forward pass is recorded once under autograd, cut at every claimed node: the node runs on a fresh leaf
 * copy of its input (its own backward pass, offered to the rule) and its output is handed on as another fresh leaf.
 * The reverse pass pulls the output's weighting back to every leaf it reaches, then visits the claimed nodes from last
 * to first: by then the cotangent at a node's output leaf has arrived from every path, the rule turns it into a
 * cotangent at the node's input, and one backward call pulls that on to the leaves before it. So the reverse pass
 * costs about one ordinary backward pass, in one call per claimed node, plus the rules' own work. Reference-based
 * rules (DeepLIFT) also see each claimed node's input and output on a reference batch, which runs through the model
 * first without a graph, on one row when all its rows are equal. A rule may also read the cotangent that a claimed
 * node reading its output alone gives by that node's own backward pass ({@link Rule#readsPlainCotangent()}), as
 * Captum's module hooks do. The scores of the recorded pass choose the output weighting. Passes run in chunks of the
 * model's batch size.
 */
public final class RuleBackprop {
    private final EngineModel model;
    private final ModelGraph graph;
    private final List<Rule> rules;
    private final Map<String, Integer> readers = new HashMap<>();

    private RuleBackprop(EngineModel model, ModelGraph graph, List<Rule> rules) {
        this.model = model;
        this.graph = graph;
        this.rules = List.copyOf(rules);
        for (GraphNode node : graph.nodes()) {
            for (String tensor : node.inputs()) {
                readers.merge(tensor, 1, Integer::sum);
            }
        }
    }

    /** An engine over a model's graph with the given rules (first applicable rule wins). */
    public static RuleBackprop over(Model model, String method, List<Rule> rules) {
        if (model instanceof GraphModel graphModel && model instanceof EngineModel engine) {
            if (graphModel.graph().inputType() != ai.djl.ndarray.types.DataType.FLOAT32) {
                throw new InvalidInputException(method + " pulls relevance back to the input, but " + model + " reads "
                        + graphModel.graph().inputType() + " values (such as token ids); explain a layer instead");
            }
            return new RuleBackprop(engine, graphModel.graph(), rules);
        }
        throw new InvalidInputException(method + " needs a model whose graph glassbox holds (a DJL model built in "
                + "Java, or an ONNX model imported as a graph); " + model + " is opaque to layer rules. Use saliency, "
                + "ixg, smoothgrad or ig instead");
    }

    /**
     * The scores of a batch and the cotangent that reaches the input when each row's output weighting (chosen from
     * its scores) is pulled back through the graph with the rules applied.
     */
    public Gradients pullBack(float[][] batch, OutputWeighting weighting) {
        return pass(batch, null, weighting, null, null, new Context(null, null));
    }

    /**
     * {@link #pullBack(float[][], OutputWeighting)} with a reference row per input row, for reference-based rules;
     * the reference batch's scores come back too.
     */
    public ReversePass pullBack(float[][] batch, float[][] references, OutputWeighting weighting) {
        Batches.requireValid(references, model.inputShape());
        if (references.length != batch.length) {
            throw new InvalidInputException("got " + references.length + " references for " + batch.length + " inputs");
        }
        float[][] referenceScores = new float[batch.length][];
        Gradients input = pass(batch, references, weighting, null, referenceScores, new Context(null, null));
        return new ReversePass(input.scores(), referenceScores, input.gradients(), null);
    }

    /**
     * {@link #pullBack(float[][], OutputWeighting)} that also collects the relevance {@link InputRelevanceRule}s hand
     * back at the input ({@code null} in the result when no such rule claimed a node).
     */
    public ReversePass pullBackRelevance(float[][] batch, OutputWeighting weighting) {
        Context context = new Context(null, new float[batch.length][]);
        Gradients input = pass(batch, null, weighting, null, null, context);
        boolean any = Arrays.stream(context.relevance()).anyMatch(java.util.Objects::nonNull);
        return new ReversePass(input.scores(), null, input.gradients(), any ? context.relevance() : null);
    }

    /**
     * {@link #pullBack(float[][], OutputWeighting)} that also keeps a layer's output and the cotangent arriving there
     * (before that node's rule, if any), as Grad-CAM needs them. That cotangent is the plain gradient when no rule
     * claims a node after this one ({@link #claimsLayersAfter}).
     */
    public Tapped pullBackTapping(float[][] batch, OutputWeighting weighting, String layer) {
        String tensor = graph.tensorOf(layer);
        Tap[] taps = new Tap[batch.length];
        Gradients input = pass(batch, null, weighting, tensor, null, new Context(taps, null));
        float[][] activations = new float[batch.length][];
        float[][] gradients = new float[batch.length][];
        for (int i = 0; i < batch.length; i++) {
            activations[i] = taps[i].activation();
            gradients[i] = taps[i].cotangent();
        }
        return new Tapped(input, new LayerGradient(layer, taps[0].shape(), activations, gradients, input.scores()));
    }

    /** Whether a rule claims any node after the one that writes {@code layer}. */
    public boolean claimsLayersAfter(String layer) {
        List<GraphNode> nodes = graph.nodes();
        for (int i = graph.writerOf(graph.tensorOf(layer)) + 1; i < nodes.size(); i++) {
            if (ruleFor(nodes.get(i)) != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * One recorded pass and reverse pass per chunk. With references, their scores go to {@code referenceScores};
     * with a tapped tensor, its activations and cotangents go to the context's taps, and relevance at the input to its
     * relevance rows.
     */
    private Gradients pass(float[][] batch, float[][] references, OutputWeighting weighting, String tap,
            float[][] referenceScores, Context context) {
        Batches.requireValid(batch, model.inputShape());
        return Gradients.inChunks(batch.length, model.batchSize(), (from, to) -> {
            try (NDManager scope = model.manager().newSubManager()) {
                Map<String, NDArray> referenceValues = references == null ? null
                        : referencePass(scope, Arrays.copyOfRange(references, from, to));
                if (references != null) {
                    float[][] scores = Tensors.toRows(referenceValues.get(graph.output()));
                    for (int i = from; i < to; i++) {
                        referenceScores[i] = scores[scores.length == 1 ? 0 : i - from];
                    }
                }
                return Backprop.collecting(collector -> {
                    NDArray x = Tensors.fromRows(scope, Arrays.copyOfRange(batch, from, to), model.inputShape());
                    x.setRequiresGradient(true);
                    List<Step> steps = new ArrayList<>();
                    NDArray output = record(x, referenceValues, steps, tap);
                    float[][] scores = Tensors.toRows(output);
                    Backprop.backward(collector, output, Backprop.weightsOf(scope, scores, from, weighting, output));
                    for (int k = steps.size() - 1; k >= 0; k--) {
                        steps.get(k).pullBack(collector, context, from);
                    }
                    return new Gradients(scores, Tensors.toRows(x.getGradient()));
                });
            }
        });
    }

    /** Every tensor of the references' pass, without a graph; one row if all references are equal. */
    private Map<String, NDArray> referencePass(NDManager scope, float[][] references) {
        boolean shared = Arrays.stream(references).allMatch(row -> Arrays.equals(row, references[0]));
        NDArray x = Tensors.fromRows(scope, shared ? new float[][] {references[0]} : references, model.inputShape());
        return graph.runBetween(Map.of(graph.input(), x), 0, graph.nodes().size(), (i, node, in, out) -> { });
    }

    /**
     * Runs the chunk through the graph under autograd, cutting it at every claimed node and at the tapped tensor (none
     * when {@code null}), records one step per cut in forward order, and returns the scores.
     */
    private NDArray record(NDArray x, Map<String, NDArray> references, List<Step> steps, String tap) {
        Map<String, NDArray> values = new HashMap<>();
        values.put(graph.input(), x);
        Map<String, Rule> claimedWriters = new HashMap<>();
        List<GraphNode> nodes = graph.nodes();
        for (GraphNode node : nodes) {
            Rule rule = ruleFor(node);
            if (rule == null) {
                NDList inputs = new NDList(node.inputs().size());
                for (String tensor : node.inputs()) {
                    inputs.add(values.get(tensor));
                }
                NDList outputs = node.forward(inputs);
                for (int k = 0; k < node.outputs().size(); k++) {
                    values.put(node.outputs().get(k), outputs.get(k));
                }
            } else {
                String in = node.inputs().get(0);
                String out = node.outputs().get(0);
                NDArray input = values.get(in);
                NDArray inputLeaf = leaf(input);
                NDArray output = node.forward(new NDList(inputLeaf)).singletonOrThrow();
                NDArray outputLeaf = leaf(output);
                values.put(out, outputLeaf);
                LayerPass pass = new LayerPass(node.name(), node, inputLeaf.stopGradient(), output.stopGradient(),
                        references == null ? null : references.get(in), references == null ? null : references.get(out));
                Rule writer = claimedWriters.get(in);
                boolean feedsPlain = writer != null && writer.readsPlainCotangent() && readers.get(in) == 1;
                steps.add(new Claimed(rule, pass, input, inputLeaf, output, outputLeaf, feedsPlain));
                claimedWriters.put(out, rule);
            }
            if (tap != null && node.outputs().contains(tap)) {
                NDArray tapped = values.get(tap);
                NDArray tappedLeaf = leaf(tapped);
                values.put(tap, tappedLeaf);
                steps.add(new Tapping(tapped, tappedLeaf));
            }
        }
        return values.get(graph.output());
    }

    /** A copy of {@code array} without its graph, as a leaf that collects gradients. */
    private static NDArray leaf(NDArray array) {
        NDArray leaf = array.stopGradient();
        leaf.setRequiresGradient(true);
        return leaf;
    }

    private Rule ruleFor(GraphNode node) {
        if (node.inputs().size() != 1 || node.outputs().size() != 1) {
            return null;
        }
        boolean readsInput = node.inputs().get(0).equals(graph.input());
        for (Rule rule : rules) {
            if (rule.appliesTo(node) && (readsInput || !(rule instanceof InputRelevanceRule))) {
                return rule;
            }
        }
        return null;
    }

    /** Where a pass keeps what it collects besides the input's cotangents; either part may be {@code null}. */
    private record Context(Tap[] taps, float[][] relevance, Map<String, NDArray> plain) {
        Context(Tap[] taps, float[][] relevance) {
            this(taps, relevance, new HashMap<>());
        }

        /** Adds relevance rows for the chunk starting at row {@code offset}. */
        void addRelevance(float[][] rows, int offset) {
            for (int row = 0; row < rows.length; row++) {
                float[] sum = relevance[offset + row];
                if (sum == null) {
                    relevance[offset + row] = rows[row];
                } else {
                    for (int j = 0; j < sum.length; j++) {
                        sum[j] += rows[row][j];
                    }
                }
            }
        }
    }

    /** One cut of the recorded pass, visited from last to first. */
    private interface Step {
        /** Pulls the cotangent gathered at the cut's output leaf back to the leaves before it. */
        void pullBack(GradientCollector collector, Context context, int offset);
    }

    /**
     * A claimed node: {@code input} is the tensor it read (with its graph), {@code inputLeaf} the copy it ran on,
     * {@code output} its own result under autograd and {@code outputLeaf} what later nodes read.
     */
    private record Claimed(Rule rule, LayerPass pass, NDArray input, NDArray inputLeaf, NDArray output,
            NDArray outputLeaf, boolean feedsPlain) implements Step {
        @Override
        public void pullBack(GradientCollector collector, Context context, int offset) {
            LayerBackward own = new LayerBackward() {
                @Override
                public NDArray atInput(NDArray adjusted) {
                    Backprop.backward(collector, output, adjusted);
                    return inputLeaf.getGradient();
                }

                @Override
                public NDArray through(UnaryOperator<NDArray> op, NDArray adjusted) {
                    NDArray point = leaf(pass.input());
                    Backprop.backward(collector, op.apply(point), adjusted);
                    return point.getGradient();
                }

                @Override
                public NDArray plainCotangent() {
                    return context.plain().get(pass.node().outputs().get(0));
                }
            };
            if (feedsPlain) {
                context.plain().put(pass.node().inputs().get(0), own.through(pass::apply, outputLeaf.getGradient()));
            }
            if (rule instanceof InputRelevanceRule relevanceRule) {
                if (context.relevance() == null) {
                    throw new InvalidInputException("rule " + rule.getClass().getSimpleName() + " hands back relevance "
                            + "at the input; ask the engine for relevance (pullBackRelevance)");
                }
                context.addRelevance(Tensors.toRows(relevanceRule.inputRelevance(pass, outputLeaf.getGradient(), own)),
                        offset);
                return;
            }
            Backprop.backward(collector, input, rule.backward(pass, outputLeaf.getGradient(), own));
        }
    }

    /** The tapped tensor: the cotangent arriving at its leaf is kept with the activation and passed on unchanged. */
    private record Tapping(NDArray tensor, NDArray tensorLeaf) implements Step {
        @Override
        public void pullBack(GradientCollector collector, Context context, int offset) {
            Tap[] taps = context.taps();
            NDArray cotangent = tensorLeaf.getGradient();
            Shape shape = Tensors.sampleShape(tensorLeaf);
            float[][] activations = Tensors.toRows(tensorLeaf);
            float[][] cotangents = Tensors.toRows(cotangent);
            for (int row = 0; row < activations.length; row++) {
                taps[offset + row] = new Tap(shape, activations[row], cotangents[row]);
            }
            Backprop.backward(collector, tensor, cotangent);
        }
    }

    /** One sample's activation at the tapped tensor and the cotangent that arrived there. */
    private record Tap(Shape shape, float[] activation, float[] cotangent) {
    }

    /** The result of a tapping pass: the input's scores and cotangents, and the tapped layer's. */
    public record Tapped(Gradients input, LayerGradient layer) {
    }
}
