package dev.glassbox.djl.interpretable;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.model.Batches;
import dev.glassbox.djl.model.BlockModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Explains a prototype network's predictions by their votes ({@link PrototypeVote}): the attention weights read from
 * the network's attention layer in the same model, the prototypes' answers from the weights of its bias-free vote
 * layer, and the scores from the network itself, so that the recomputed vote checks the network.
 */
public final class PrototypeExplainer {
    private final BlockModel model;
    private final String attentionLayer;
    private final float[][] answers;

    /**
     * An explainer for a network whose layer {@code attention} outputs the prototype weights and whose layer
     * {@code vote} is a bias-free linear layer from them to the class scores.
     */
    public PrototypeExplainer(BlockModel model, String attention, String vote) {
        this.model = model;
        this.attentionLayer = attention;
        int last = model.layerNames().size() - 1;
        if (model.layerNames().indexOf(vote) != last || model.layerNames().indexOf(attention) != last - 1) {
            throw new InvalidInputException("a prototype network ends with its attention layer '" + attention
                    + "' and its vote layer '" + vote + "'; layers: " + model.layerNames());
        }
        var parameters = model.layers().layer(vote).getParameters();
        if (parameters.size() != 1) {
            throw new InvalidInputException("the vote layer '" + vote + "' must be linear without a bias");
        }
        float[] flat = parameters.get(0).getValue().getArray().toFloatArray();
        int classes = model.outputSize();
        int prototypes = flat.length / classes;
        answers = new float[classes][prototypes];
        for (int c = 0; c < classes; c++) {
            System.arraycopy(flat, c * prototypes, answers[c], 0, prototypes);
        }
    }

    /** The prototypes' answers, {@code [class][prototype]}. */
    public float[][] answers() {
        float[][] out = new float[answers.length][];
        for (int c = 0; c < out.length; c++) {
            out[c] = answers[c].clone();
        }
        return out;
    }

    /** The vote behind each input's prediction. */
    public List<PrototypeVote> explain(float[][] inputs) {
        Batches.requireValid(inputs, model.inputShape());
        float[][] weights = model.activations(inputs, attentionLayer);
        float[][] scores = model.predict(inputs);
        List<PrototypeVote> out = new ArrayList<>(inputs.length);
        for (int i = 0; i < inputs.length; i++) {
            out.add(new PrototypeVote(weights[i], answers(), scores[i]));
        }
        return out;
    }
}
