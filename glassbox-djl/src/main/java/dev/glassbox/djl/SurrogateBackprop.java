package dev.glassbox.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.model.Batches;
import dev.glassbox.core.model.Model;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rules linear in the cotangent ({@link LinearRule}) in one forward and one backward pass: the reference batch runs
 * through the model once without a graph, then the input runs through a surrogate network — each claimed layer
 * replaced by its rule's surrogate — under autograd, and the cotangent is pulled back in one go. Costs one extra
 * forward pass of the references over a plain gradient, of one row when they
 * are all equal. Works on models whose graph glassbox holds ({@link BlockModel}).
 */
public final class SurrogateBackprop {
    private final BlockModel model;
    private final List<LinearRule> rules;

    private SurrogateBackprop(BlockModel model, List<LinearRule> rules) {
        this.model = model;
        this.rules = List.copyOf(rules);
    }

    /** An engine over a model's layers with the given rules (first applicable rule wins). */
    public static SurrogateBackprop over(Model model, String method, List<LinearRule> rules) {
        return new SurrogateBackprop(BlockModel.require(model, method), rules);
    }

    /**
     * The scores of a batch and of its references, and the cotangent that reaches the input when each row's output
     * weighting (chosen from its scores) is pulled back through the surrogate network built around {@code references}
     * (one reference row per input row); in chunks of the model's batch size. The surrogate reproduces every layer's
     * value, so its output is the model's. A chunk whose reference rows are all equal (a zero or constant baseline)
     * runs its reference pass on one row.
     */
    public ReversePass pullBack(float[][] batch, float[][] references, OutputWeighting weighting) {
        Batches.requireValid(batch, model.inputShape());
        Batches.requireValid(references, model.inputShape());
        if (references.length != batch.length) {
            throw new InvalidInputException("got " + references.length + " references for " + batch.length + " inputs");
        }
        float[][] referenceScores = new float[batch.length][];
        Gradients joined = Gradients.inChunks(batch.length, model.batchSize(), (from, to) -> {
            float[][] chunkReferences = Arrays.copyOfRange(references, from, to);
            boolean shared = Arrays.stream(chunkReferences).allMatch(row -> Arrays.equals(row, chunkReferences[0]));
            try (NDManager scope = model.manager.newSubManager()) {
                List<NDArray> activations = referencePass(Tensors.fromRows(scope,
                        shared ? new float[][] {chunkReferences[0]} : chunkReferences, model.inputShape()));
                float[][] scoresOfReferences = Tensors.toRows(activations.get(activations.size() - 1));
                for (int i = from; i < to; i++) {
                    referenceScores[i] = scoresOfReferences[shared ? 0 : i - from];
                }
                return Backprop.inputGradient(scope, model.inputShape(), Arrays.copyOfRange(batch, from, to), from,
                        weighting, x -> surrogate(x, activations));
            }
        });
        return new ReversePass(joined.scores(), referenceScores, joined.gradients());
    }

    /** The reference batch's input to every layer, and the last layer's output, without a graph. */
    private List<NDArray> referencePass(NDArray reference) {
        var children = model.layers().block().getChildren();
        List<NDArray> activations = new ArrayList<>(children.size() + 1);
        activations.add(reference);
        for (int i = 0; i < children.size(); i++) {
            reference = BlockModel.run(model.layers(), reference, i, i + 1);
            activations.add(reference);
        }
        return activations;
    }

    private NDArray surrogate(NDArray x, List<NDArray> reference) {
        var children = model.layers().block().getChildren();
        List<String> names = model.layerNames();
        for (int i = 0; i < children.size(); i++) {
            LinearRule rule = ruleFor(children.get(i).getValue());
            if (rule == null) {
                x = BlockModel.run(model.layers(), x, i, i + 1);
            } else {
                NDArray value = BlockModel.run(model.layers(), x.stopGradient(), i, i + 1);
                x = rule.surrogate(new LayerPass(names.get(i), children.get(i).getValue(), x, value,
                        reference.get(i), reference.get(i + 1)));
            }
        }
        return x;
    }

    private LinearRule ruleFor(ai.djl.nn.Block layer) {
        for (LinearRule rule : rules) {
            if (rule.appliesTo(layer)) {
                return rule;
            }
        }
        return null;
    }
}
