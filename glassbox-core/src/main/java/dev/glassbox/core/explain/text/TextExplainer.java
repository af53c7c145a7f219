package dev.glassbox.core.explain.text;

import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.model.Target;
import java.util.ArrayList;
import java.util.List;

/**
 * Explains a text model's output for one text, one value per token: the text counterpart of {@link
 * dev.glassbox.core.explain.Explainer}. Attributions carry a {@link TokenGrouping}, so every value maps back to the
 * characters of its token. Perturbation methods are {@link TextPerturbationExplainer}; gradient methods on a network's
 * embeddings live with the engine.
 */
public interface TextExplainer {

    /** The attribution of {@code target} to the tokens of {@code text}. */
    Attribution explain(String text, Target target);

    /** Attributions for each text. */
    default List<Attribution> explain(List<String> texts, Target target) {
        List<Attribution> out = new ArrayList<>(texts.size());
        for (String text : texts) {
            out.add(explain(text, target));
        }
        return out;
    }
}
