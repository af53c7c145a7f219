package dev.glassbox.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.glassbox.core.model.Batches;
import dev.glassbox.core.model.Model;
import java.util.ArrayList;
import java.util.List;

/**
 * Rules linear in the cotangent ({@link LinearRule}) in one forward and one backward pass: the reference batch runs
 * through the model once without a graph, then the input runs through a surrogate network — each claimed layer
 * replaced by its rule's surrogate — under autograd, and the cotangent is pulled back in one go. Costs about one extra
 * forward pass over a plain gradient. Works on models whose graph glassbox holds ({@link BlockModel}).
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
     * The cotangent that reaches the input when {@code cotangent} (batch × outputs) is pulled back through the
     * surrogate network built around {@code references} (one reference row per input row).
     */
    public float[][] pullBack(float[][] batch, float[][] references, float[][] cotangent) {
        Batches.requireValid(batch, model.inputShape());
        Batches.requireValid(references, model.inputShape());
        Cotangents.requireShape(cotangent, batch.length, model.outputSize());
        try (NDManager scope = model.manager.newSubManager()) {
            List<NDArray> referenceActivations = referencePass(Tensors.fromRows(scope, references, model.inputShape()));
            NDArray x = Tensors.fromRows(scope, batch, model.inputShape());
            NDArray weights = Tensors.fromRows(scope, cotangent,
                    Tensors.sampleShape(referenceActivations.get(referenceActivations.size() - 1)));
            return Tensors.toRows(Backprop.vectorJacobian(x, live -> surrogate(live, referenceActivations), weights));
        }
    }

    /** The reference batch's input to every layer, and the last layer's output. */
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
