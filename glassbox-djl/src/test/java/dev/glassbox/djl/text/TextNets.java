package dev.glassbox.djl.text;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import dev.glassbox.core.explain.text.TextEncoder;
import dev.glassbox.core.explain.text.Vocabulary;
import dev.glassbox.core.model.Shape;
import dev.glassbox.djl.model.BlockModel;
import dev.glassbox.core.model.ModelOptions;
import dev.glassbox.djl.model.NamedBlocks;
import dev.glassbox.djl.zoo.TextCnn;
import java.util.List;

/** Text CNN classifiers with seeded random weights over a small vocabulary. */
final class TextNets {
    static final Vocabulary VOCABULARY = Vocabulary.of(List.of("win", "money", "free", "meeting", "hello", "friend",
            "offer", "now", "the", "at", "subject", "from"));
    static final List<String> CLASSES = List.of("ham", "spam");

    private TextNets() {
    }

    /** A random text CNN reading {@code part} of each text, at most {@code maxTokens} tokens. */
    static TextClassifier random(TextEncoder.Part part, int maxTokens, int seed) {
        NamedBlocks layers = TextCnn.build(VOCABULARY.size(), CLASSES.size());
        Engine.getInstance().setRandomSeed(seed);
        Model model = Model.newInstance("text-net", "PyTorch");
        model.setBlock(layers.block());
        layers.block().initialize(model.getNDManager(), DataType.FLOAT32, new ai.djl.ndarray.types.Shape(1, maxTokens));
        BlockModel network = BlockModel.of(model, layers, new ModelOptions(Shape.of(maxTokens), CLASSES, 64));
        return new TextClassifier(network, new TextEncoder(TextEncoder.Settings.words(part, maxTokens), VOCABULARY));
    }
}
