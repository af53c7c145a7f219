package dev.glassbox.core.explain.catalogue;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.explain.Explainer;
import dev.glassbox.core.model.Model;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Every explanation method glassbox has on the class path, by name: look a method up, see what it needs, and build it
 * for a model. The command line's {@code --method} names are exactly {@link #names()}.
 *
 * <pre>{@code
 * Explainer ig = MethodCatalogue.standard().create("ig", model, MethodSettings.builder().steps(64).build());
 * }</pre>
 */
public final class MethodCatalogue {
    private final Map<String, CatalogueEntry> entries;

    private MethodCatalogue(List<CatalogueEntry> list) {
        Map<String, CatalogueEntry> byName = new LinkedHashMap<>();
        for (CatalogueEntry entry : list) {
            if (byName.putIfAbsent(entry.name(), entry) != null) {
                throw new IllegalStateException("two methods are called " + entry.name());
            }
        }
        this.entries = byName;
    }

    /**
     * The catalogue of every {@link MethodProvider} on the class path: core's perturbation methods, and the gradient
     * and rule methods when glassbox-djl is present. Gradient methods come first. The class path is read once, on the
     * first call.
     */
    public static MethodCatalogue standard() {
        return Standard.CATALOGUE;
    }

    /** The standard catalogue, loaded when first asked for. */
    private static final class Standard {
        static final MethodCatalogue CATALOGUE = load();
    }

    private static MethodCatalogue load() {
        List<MethodProvider> providers = new ArrayList<>();
        ServiceLoader.load(MethodProvider.class, MethodCatalogue.class.getClassLoader()).forEach(providers::add);
        providers.sort((a, b) -> Boolean.compare(a instanceof PerturbationMethods, b instanceof PerturbationMethods));
        List<CatalogueEntry> all = new ArrayList<>();
        providers.forEach(p -> all.addAll(p.entries()));
        return new MethodCatalogue(all);
    }

    /** A catalogue of exactly these entries. */
    public static MethodCatalogue of(List<CatalogueEntry> entries) {
        return new MethodCatalogue(entries);
    }

    /** Every method, in help order. */
    public List<CatalogueEntry> entries() {
        return List.copyOf(entries.values());
    }

    /** Every method's name, in help order. */
    public List<String> names() {
        return List.copyOf(entries.keySet());
    }

    /** The method called {@code name} (case and surrounding spaces ignored), if there is one. */
    public Optional<CatalogueEntry> find(String name) {
        return Optional.ofNullable(entries.get(name.trim().toLowerCase(Locale.ROOT)));
    }

    /** The method called {@code name}, or an {@link InvalidInputException} listing the names there are. */
    public CatalogueEntry require(String name) {
        return find(name).orElseThrow(() -> new InvalidInputException("unknown method '" + name.trim()
                + "': expected one of " + String.join(", ", names())));
    }

    /** Builds the method called {@code name} for {@code model}. */
    public Explainer create(String name, Model model, MethodSettings settings) {
        return require(name).create(model, settings);
    }
}
