package dev.glassbox.core.explain.catalogue;

import java.util.List;

/**
 * A module's methods, found by {@link java.util.ServiceLoader} (list the implementing class in
 * {@code META-INF/services/dev.glassbox.core.explain.catalogue.MethodProvider}).
 */
public interface MethodProvider {
    /** The methods, in the order help texts list them. */
    List<CatalogueEntry> entries();
}
