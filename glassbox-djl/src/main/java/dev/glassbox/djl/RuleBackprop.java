package dev.glassbox.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.model.Batches;
import dev.glassbox.core.model.Model;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules engine: a forward pass that keeps every layer's input and output (and, optionally, those of a reference
 * batch), then a reverse pass that takes each layer's vector–Jacobian product from the engine's autograd unless a
 * {@link Rule} claims the layer. Works on models whose graph glassbox holds ({@link BlockModel}); opaque models are
 * refused with an explanation.
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
        if (!(model instanceof BlockModel blocks)) {
            throw new InvalidInputException(method + " needs a model whose layers glassbox holds (a DJL model built in "
                    + "Java); " + model + " is opaque to layer rules. Use saliency, ixg, smoothgrad or ig instead");
        }
        return new RuleBackprop(blocks, rules);
    }

    /**
     * The cotangent that reaches the input when {@code cotangent} (batch × outputs) is pulled back through the
     * layers, with rules applied. {@code references} (same shape as {@code batch}) is recorded alongside for
     * reference-based rules, or {@code null}.
     */
    public float[][] pullBack(float[][] batch, float[][] references, float[][] cotangent) {
        Batches.requireValid(batch, model.inputShape());
        if (references != null) {
            Batches.requireValid(references, model.inputShape());
        }
        Cotangents.requireShape(cotangent, batch.length, model.outputSize());
        try (NDManager scope = model.manager.newSubManager()) {
            List<LayerPass> passes = record(scope, batch, references);
            NDArray grad = Tensors.fromRows(scope, cotangent, Tensors.sampleShape(passes.get(passes.size() - 1).output()));
            for (int i = passes.size() - 1; i >= 0; i--) {
                grad = backward(passes.get(i), grad);
            }
            return Tensors.toRows(grad);
        }
    }

    private List<LayerPass> record(NDManager scope, float[][] batch, float[][] references) {
        var children = model.layers().block().getChildren();
        List<String> names = model.layerNames();
        ParameterStore store = new ParameterStore(scope, false);
        NDArray x = Tensors.fromRows(scope, batch, model.inputShape());
        NDArray r = references == null ? null : Tensors.fromRows(scope, references, model.inputShape());
        List<LayerPass> passes = new ArrayList<>(children.size());
        for (int i = 0; i < children.size(); i++) {
            Block layer = children.get(i).getValue();
            NDArray y = layer.forward(store, new NDList(x), false).singletonOrThrow();
            NDArray ry = r == null ? null : layer.forward(store, new NDList(r), false).singletonOrThrow();
            passes.add(new LayerPass(names.get(i), layer, x, y, r, ry));
            x = y;
            r = ry;
        }
        return passes;
    }

    private NDArray backward(LayerPass pass, NDArray cotangent) {
        for (Rule rule : rules) {
            if (rule.appliesTo(pass.layer())) {
                return rule.backward(pass, cotangent);
            }
        }
        return pass.pullBack(pass.input(), cotangent);
    }
}
