package dev.glassbox.djl.zoo;

import dev.glassbox.core.model.ModelLoadException;
import dev.glassbox.djl.NamedBlocks;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/** The architectures a saved model folder can name: each rebuilds an uninitialised block for its weights. */
public final class Architectures {
    private static final Map<String, Supplier<NamedBlocks>> KNOWN = new TreeMap<>(Map.of(FashionCnn.NAME, FashionCnn::build,
            BayesianCnn.NAME, BayesianCnn::build, FashionAutoencoder.NAME, FashionAutoencoder::build));

    private Architectures() {
    }

    /** A fresh block of the named architecture. */
    public static NamedBlocks build(String name) {
        Supplier<NamedBlocks> factory = KNOWN.get(name);
        if (factory == null) {
            throw new ModelLoadException("unknown architecture '" + name + "'; known: " + String.join(", ", KNOWN.keySet()));
        }
        return factory.get();
    }
}
