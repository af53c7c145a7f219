package dev.glassbox.djl.zoo;

import dev.glassbox.core.model.ModelLoadException;
import dev.glassbox.djl.model.NamedBlocks;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The architectures a saved model folder can name: each rebuilds an uninitialised block for its weights (text
 * architectures from the size of the vocabulary saved beside them).
 */
public final class Architectures {
    private static final Map<String, Supplier<NamedBlocks>> KNOWN = new TreeMap<>(Map.ofEntries(
            Map.entry(FashionCnn.NAME, FashionCnn::build), Map.entry(SmallCnn.NAME, SmallCnn::build),
            Map.entry(SmallFashionCnn.NAME, SmallFashionCnn::build), Map.entry(BayesianCnn.NAME, BayesianCnn::build),
            Map.entry(FashionAutoencoder.NAME, FashionAutoencoder::build),
            Map.entry(MeanVarianceMlp.NAME, MeanVarianceMlp::build),
            Map.entry(MeanVarianceMlp.PLAIN_NAME, MeanVarianceMlp::buildPlain),
            Map.entry(FashionProtoNet.NAME, FashionProtoNet::build),
            Map.entry(FashionProtoNet.BASELINE, FashionProtoNet::baseline), Map.entry(FashionVit.NAME, FashionVit::build),
            Map.entry(DcganGenerator.NAME, DcganGenerator::build)));

    /** Text architectures, built for a vocabulary size and a number of classes. */
    private static final Map<String, BiFunction<Integer, Integer, NamedBlocks>> TEXT = new TreeMap<>(Map.of(
            TextCnn.NAME, TextCnn::build));

    private Architectures() {
    }

    /** A fresh text network of the named architecture for {@code vocabularySize} token ids and {@code classes} outputs. */
    public static NamedBlocks buildText(String name, int vocabularySize, int classes) {
        BiFunction<Integer, Integer, NamedBlocks> factory = TEXT.get(name);
        if (factory == null) {
            throw new ModelLoadException("unknown text architecture '" + name + "'; known: " + String.join(", ",
                    TEXT.keySet()));
        }
        return factory.apply(vocabularySize, classes);
    }

    /** A fresh block of the named architecture. */
    public static NamedBlocks build(String name) {
        Supplier<NamedBlocks> factory = KNOWN.get(name);
        if (factory == null) {
            java.util.Optional<NamedBlocks> scaled = FashionCnn.fromName(name);
            if (scaled.isPresent()) {
                return scaled.get();
            }
            throw new ModelLoadException("unknown architecture '" + name + "'; known: " + String.join(", ", KNOWN.keySet()));
        }
        return factory.get();
    }
}
