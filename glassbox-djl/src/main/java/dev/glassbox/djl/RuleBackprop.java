package dev.glassbox.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.model.Batches;
import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.Shape;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * The rules engine: a forward pass that keeps every layer's input and output, then a reverse pass that takes the
 * vector–Jacobian product from the engine's autograd except at layers a {@link Rule} claims. The forward pass is
 * recorded once under autograd, cut around the claimed layers: each run of unclaimed layers between two claimed ones
 * is one segment, pulled back with one backward call, and each claimed layer is a segment of its own that its rule may
 * pull an adjusted cotangent through, so the reverse pass costs about one ordinary backward pass plus the rules' own
 * work. Reference-based rules (DeepLIFT) also see each claimed layer's input and output on a reference batch, which
 * runs through the model first without a graph, on one row when all its rows are equal. The scores of the recorded
 * pass choose the output weighting. Passes run in chunks of the model's batch size. Works on models whose graph
 * glassbox holds ({@link BlockModel}); opaque models are refused with an explanation.
 */
public final class RuleBackprop {
    private final BlockModel model;
    private final List<Rule> rules;

    private RuleBackprop(BlockModel model, List<Rule> rules) {
        this.model = model;
        this.rules = List.copyOf(rules);
    }

    /** An engine over a model's layers with the given rules (first applicable rule wins). */
    public static RuleBackprop over(Model model, String method, List<Rule> rules) {
        return new RuleBackprop(BlockModel.require(model, method), rules);
    }

    /**
     * The scores of a batch and the cotangent that reaches the input when each row's output weighting (chosen from
     * its scores) is pulled back through the layers with the rules applied.
     */
    public Gradients pullBack(float[][] batch, OutputWeighting weighting) {
        return pass(batch, null, weighting, -1, null, null);
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
        Gradients input = pass(batch, references, weighting, -1, referenceScores, null);
        return new ReversePass(input.scores(), referenceScores, input.gradients());
    }

    /**
     * {@link #pullBack(float[][], OutputWeighting)} that also keeps a layer's output and the cotangent arriving there
     * (before that layer's rule, if any), as Grad-CAM needs them. That cotangent is the plain gradient when no rule
     * claims a layer after this one ({@link #claimsLayersAfter}).
     */
    public Tapped pullBackTapping(float[][] batch, OutputWeighting weighting, String layer) {
        Tap[] taps = new Tap[batch.length];
        Gradients input = pass(batch, null, weighting, model.layers().indexOf(layer), null, taps);
        float[][] activations = new float[batch.length][];
        float[][] gradients = new float[batch.length][];
        for (int i = 0; i < batch.length; i++) {
            activations[i] = taps[i].activation();
            gradients[i] = taps[i].cotangent();
        }
        return new Tapped(input, new LayerGradient(layer, taps[0].shape(), activations, gradients, input.scores()));
    }

    /** Whether a rule claims any layer after {@code layer}. */
    public boolean claimsLayersAfter(String layer) {
        var children = model.layers().block().getChildren();
        for (int i = model.layers().indexOf(layer) + 1; i < children.size(); i++) {
            if (ruleFor(children.get(i).getValue()) != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * One recorded pass and reverse pass per chunk. With references, their scores go to {@code referenceScores};
     * with a tapped layer ({@code tapIndex} ≥ 0), its activations and cotangents go to {@code taps}.
     */
    private Gradients pass(float[][] batch, float[][] references, OutputWeighting weighting, int tapIndex,
            float[][] referenceScores, Tap[] taps) {
        Batches.requireValid(batch, model.inputShape());
        return Gradients.inChunks(batch.length, model.batchSize(), (from, to) -> {
            try (NDManager scope = model.manager.newSubManager()) {
                List<NDArray> referenceActivations = references == null ? null
                        : referencePass(scope, Arrays.copyOfRange(references, from, to));
                if (references != null) {
                    float[][] scores = Tensors.toRows(referenceActivations.get(referenceActivations.size() - 1));
                    for (int i = from; i < to; i++) {
                        referenceScores[i] = scores[scores.length == 1 ? 0 : i - from];
                    }
                }
                return Backprop.collecting(collector -> {
                    Deque<Step> steps = new ArrayDeque<>();
                    NDArray output = record(scope, Arrays.copyOfRange(batch, from, to), referenceActivations, steps,
                            tapIndex);
                    float[][] scores = Tensors.toRows(output);
                    NDArray cotangent = Backprop.weightsOf(scope, scores, from, weighting, output);
                    for (Step step : steps) {
                        if (step instanceof Tapping tapping) {
                            tapping.keep(cotangent, taps, from);
                        }
                        cotangent = step.pullBack(collector, cotangent);
                    }
                    return new Gradients(scores, Tensors.toRows(cotangent));
                });
            }
        });
    }

    /** The references' input to every layer and the last layer's output, without a graph; one row if all are equal. */
    private List<NDArray> referencePass(NDManager scope, float[][] references) {
        boolean shared = Arrays.stream(references).allMatch(row -> Arrays.equals(row, references[0]));
        NDArray x = Tensors.fromRows(scope, shared ? new float[][] {references[0]} : references, model.inputShape());
        int layers = model.layers().names().size();
        List<NDArray> activations = new ArrayList<>(layers + 1);
        activations.add(x);
        for (int i = 0; i < layers; i++) {
            x = BlockModel.run(model.layers(), x, i, i + 1);
            activations.add(x);
        }
        return activations;
    }

    /**
     * Runs the chunk through the layers, pushing one step per autograd segment or claimed layer onto {@code steps}
     * (so that iterating them runs the reverse pass), and returns the scores. The output of layer {@code tapIndex}
     * (none when negative) ends a segment and is marked by a {@link Tapping} step.
     */
    private NDArray record(NDManager scope, float[][] chunk, List<NDArray> references, Deque<Step> steps,
            int tapIndex) {
        var children = model.layers().block().getChildren();
        List<String> names = model.layerNames();
        ParameterStore store = new ParameterStore(scope, false);
        NDArray x = Tensors.fromRows(scope, chunk, model.inputShape());
        NDArray segmentStart = null;
        for (int i = 0; i < children.size(); i++) {
            Block layer = children.get(i).getValue();
            Rule rule = ruleFor(layer);
            if (rule != null && segmentStart != null) {
                steps.push(new Segment(segmentStart, x));
                segmentStart = null;
            }
            if (segmentStart == null) {
                segmentStart = x.stopGradient();
                segmentStart.setRequiresGradient(true);
                x = segmentStart;
            }
            NDArray input = x;
            x = layer.forward(store, new NDList(x), false).singletonOrThrow();
            if (rule != null) {
                LayerPass pass = new LayerPass(names.get(i), layer, input.stopGradient(), x.stopGradient(),
                        references == null ? null : references.get(i), references == null ? null : references.get(i + 1));
                steps.push(new Claimed(rule, pass, new Segment(input, x)));
                segmentStart = null;
            }
            if (i == tapIndex) {
                if (segmentStart != null) {
                    steps.push(new Segment(segmentStart, x));
                    segmentStart = null;
                }
                steps.push(new Tapping(x));
            }
        }
        if (segmentStart != null) {
            steps.push(new Segment(segmentStart, x));
        }
        return x;
    }

    private Rule ruleFor(Block layer) {
        for (Rule rule : rules) {
            if (rule.appliesTo(layer)) {
                return rule;
            }
        }
        return null;
    }

    /** One step of the reverse pass: a cotangent at its output to one at its input. */
    private interface Step {
        NDArray pullBack(GradientCollector collector, NDArray cotangent);
    }

    /** Layers recorded under autograd from a leaf {@code start} to {@code end}. */
    private record Segment(NDArray start, NDArray end) implements Step {
        @Override
        public NDArray pullBack(GradientCollector collector, NDArray cotangent) {
            Backprop.backward(collector, end, cotangent);
            return start.getGradient();
        }
    }

    /** A layer whose backward pass a rule replaces; {@code own} is the layer alone under autograd. */
    private record Claimed(Rule rule, LayerPass pass, Segment own) implements Step {
        @Override
        public NDArray pullBack(GradientCollector collector, NDArray cotangent) {
            return rule.backward(pass, cotangent, adjusted -> own.pullBack(collector, adjusted));
        }
    }

    /** Marks the tapped layer's output: the cotangent passes unchanged and is kept with the activation. */
    private record Tapping(NDArray activation) implements Step {
        @Override
        public NDArray pullBack(GradientCollector collector, NDArray cotangent) {
            return cotangent;
        }

        /** Stores each row's activation and cotangent at {@code taps[offset + row]}. */
        void keep(NDArray cotangent, Tap[] taps, int offset) {
            Shape shape = Tensors.sampleShape(activation);
            float[][] activations = Tensors.toRows(activation);
            float[][] cotangents = Tensors.toRows(cotangent);
            for (int row = 0; row < activations.length; row++) {
                taps[offset + row] = new Tap(shape, activations[row], cotangents[row]);
            }
        }
    }

    /** One sample's activation at the tapped layer and the cotangent that arrived there. */
    private record Tap(Shape shape, float[] activation, float[] cotangent) {
    }

    /** The result of a tapping pass: the input's scores and cotangents, and the tapped layer's. */
    public record Tapped(Gradients input, LayerGradient layer) {
    }
}
