package dev.glassbox.djl.zoo;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import dev.glassbox.core.explain.text.TextEncoder;
import dev.glassbox.core.model.ModelLoadException;
import dev.glassbox.core.model.Shape;
import java.util.List;
import java.util.Map;

/**
 * What a saved glassbox model folder says about itself ({@code model.json}): the architecture that rebuilds its
 * block, the input shape, class names, the provenance of its weights (data, seed, epochs, measured metrics), and for a
 * text model how it reads texts (its vocabulary is a file beside the card).
 *
 * @param text how a text model turns texts into token ids, or {@code null} for a model over tensors
 */
public record ModelCard(String architecture, int[] inputShape, List<String> classes, String data, long seed,
        int epochs, Map<String, Double> metrics, TextEncoder.Settings text) {

    /** The file name of the card inside a model folder. */
    public static final String FILE = "model.json";

    /** The card of a model over tensors. */
    public ModelCard(String architecture, int[] inputShape, List<String> classes, String data, long seed, int epochs,
            Map<String, Double> metrics) {
        this(architecture, inputShape, classes, data, seed, epochs, metrics, null);
    }

    /** Whether the card describes a text model. */
    public boolean isText() {
        return text != null;
    }

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    /** The input shape as a glassbox shape. */
    public Shape shape() {
        return new Shape(inputShape);
    }

    /** The card as pretty JSON. */
    public String toJson() {
        return GSON.toJson(this);
    }

    /** Parses a card, naming the file in the error when it is not a valid card. */
    public static ModelCard fromJson(String json, String source) {
        ModelCard card;
        try {
            card = GSON.fromJson(json, ModelCard.class);
        } catch (JsonParseException e) {
            throw new ModelLoadException(source + " is not a valid model card: " + e.getMessage(), e);
        }
        if (card == null || card.architecture() == null || card.inputShape() == null || card.classes() == null) {
            throw new ModelLoadException(source + " is not a valid model card: it needs architecture, inputShape and classes");
        }
        return card;
    }
}
