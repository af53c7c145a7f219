package dev.glassbox.core.explain.catalogue;

import dev.glassbox.core.explain.Explainer;
import dev.glassbox.core.model.Model;
import java.util.Set;

/**
 * One method of the catalogue.
 *
 * @param name the method's name, as the command line takes it and as {@link dev.glassbox.core.explain.Attribution#method}
 *     reports it
 * @param family {@code gradient}, {@code rules}, {@code layer} or {@code perturbation}
 * @param description one line for help texts
 * @param needs what the method needs beyond a forward pass
 * @param factory how the method is built
 */
public record CatalogueEntry(String name, String family, String description, Set<Requirement> needs,
        ExplainerFactory factory) {

    public CatalogueEntry {
        needs = Set.copyOf(needs);
    }

    /** Builds this method's explainer for {@code model}. */
    public Explainer create(Model model, MethodSettings settings) {
        return factory.create(model, settings);
    }
}
