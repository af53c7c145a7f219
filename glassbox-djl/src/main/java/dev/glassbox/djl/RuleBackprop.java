package dev.glassbox.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.glassbox.core.model.Batches;
import dev.glassbox.core.model.Model;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules engine for rules that may depend on the cotangent in any way: a forward pass that keeps every layer's
 * input and output, then a reverse pass that takes each layer's vector–Jacobian product from the engine's autograd
 * unless a {@link Rule} claims the layer. Rules linear in the cotangent run faster through {@link SurrogateBackprop}.
 * Works on models whose graph glassbox holds ({@link BlockModel}); opaque models are refused with an explanation.
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
     * The cotangent that reaches the input when {@code cotangent} (batch × outputs) is pulled back through the
     * layers, with rules applied.
     */
    public float[][] pullBack(float[][] batch, float[][] cotangent) {
        Batches.requireValid(batch, model.inputShape());
        Cotangents.requireShape(cotangent, batch.length, model.outputSize());
        try (NDManager scope = model.manager.newSubManager()) {
            List<LayerPass> passes = record(scope, batch);
            NDArray grad = Tensors.fromRows(scope, cotangent, Tensors.sampleShape(passes.get(passes.size() - 1).output()));
            for (int i = passes.size() - 1; i >= 0; i--) {
                grad = backward(passes.get(i), grad);
            }
            return Tensors.toRows(grad);
        }
    }

    /** Every layer's input and output for a batch. */
    private List<LayerPass> record(NDManager scope, float[][] batch) {
        var children = model.layers().block().getChildren();
        List<String> names = model.layerNames();
        ParameterStore store = new ParameterStore(scope, false);
        NDArray x = Tensors.fromRows(scope, batch, model.inputShape());
        List<LayerPass> passes = new ArrayList<>(children.size());
        for (int i = 0; i < children.size(); i++) {
            Block layer = children.get(i).getValue();
            NDArray y = layer.forward(store, new NDList(x), false).singletonOrThrow();
            passes.add(new LayerPass(names.get(i), layer, x, y, null, null));
            x = y;
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
