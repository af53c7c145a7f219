package dev.glassbox.djl.zoo;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import dev.glassbox.core.model.ModelLoadException;
import java.util.List;
import java.util.Map;

/**
 * What a saved ensemble folder says about itself ({@code ensemble.json}): its members, each a sub-folder holding a
 * saved model with its own {@link ModelCard}, the data they were trained on and measured metrics of the ensemble.
 */
public record EnsembleCard(List<String> members, String data, Map<String, Double> metrics) {

    /** The file name of the card inside an ensemble folder. */
    public static final String FILE = "ensemble.json";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    /** The card as pretty JSON. */
    public String toJson() {
        return GSON.toJson(this);
    }

    /** Parses a card; every member must be a plain folder name inside the ensemble folder. */
    public static EnsembleCard fromJson(String json, String source) {
        EnsembleCard card;
        try {
            card = GSON.fromJson(json, EnsembleCard.class);
        } catch (JsonParseException e) {
            throw new ModelLoadException(source + " is not a valid ensemble card: " + e.getMessage(), e);
        }
        if (card == null || card.members() == null || card.members().isEmpty()) {
            throw new ModelLoadException(source + " is not a valid ensemble card: it needs a non-empty list of members");
        }
        for (String member : card.members()) {
            if (member == null || !member.matches("[A-Za-z0-9._-]+") || member.startsWith(".")) {
                throw new ModelLoadException(source + " names member '" + member + "': expected a folder name inside "
                        + "the ensemble folder");
            }
        }
        return card;
    }
}
