package dev.glassbox.core.explain.catalogue;

import dev.glassbox.core.explain.Explainer;
import dev.glassbox.core.model.Model;

/** Builds one method's explainer for a model from the shared settings. */
@FunctionalInterface
public interface ExplainerFactory {
    /**
     * The explainer; throws {@link dev.glassbox.core.InvalidInputException} when the model or the settings lack what
     * the method needs.
     */
    Explainer create(Model model, MethodSettings settings);
}
