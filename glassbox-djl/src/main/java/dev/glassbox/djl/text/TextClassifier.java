package dev.glassbox.djl.text;

import dev.glassbox.core.explain.perturb.CoalitionMethod;
import dev.glassbox.core.explain.text.TextEncoder;
import dev.glassbox.core.explain.text.TextModel;
import dev.glassbox.core.explain.text.TextMasking;
import dev.glassbox.core.explain.text.TextPerturbationExplainer;
import dev.glassbox.core.explain.text.Vocabulary;
import dev.glassbox.core.model.ModelLoadException;
import dev.glassbox.core.model.Shape;
import dev.glassbox.djl.model.BlockModel;
import dev.glassbox.djl.DifferentiableModel;
import java.util.List;
import java.util.Locale;

/**
 * A text classifier built from DJL blocks: a {@link TextEncoder} turns each text into a row of token ids, and a network
 * whose first layer, named {@value #EMBEDDING}, embeds them scores the row. As a {@link TextModel} it says what it
 * reads (the id row), so perturbation explanations evaluate each distinct row once and give tokens it does not read
 * exactly zero; {@link #embeddingGradients()} opens the network after its embeddings for gradient methods.
 */
public final class TextClassifier implements TextModel, AutoCloseable {
    /** The name of the embedding layer every text network starts with. */
    public static final String EMBEDDING = "embedding";

    private final BlockModel network;
    private final TextEncoder encoder;
    private DifferentiableModel afterEmbedding;

    /** A classifier of {@code network}, which takes id rows of {@code encoder}'s length; closed with this object. */
    public TextClassifier(BlockModel network, TextEncoder encoder) {
        if (!network.inputShape().equals(Shape.of(encoder.settings().maxTokens()))) {
            throw new ModelLoadException("the network takes inputs of shape " + network.inputShape()
                    + " but the encoder makes rows of " + encoder.settings().maxTokens() + " token ids");
        }
        if (network.layerNames().isEmpty() || !network.layerNames().get(0).equals(EMBEDDING)) {
            throw new ModelLoadException("a text network starts with a layer named '" + EMBEDDING + "'; layers: "
                    + network.layerNames());
        }
        this.network = network;
        this.encoder = encoder;
    }

    @Override
    public float[][] predict(List<String> texts) {
        return network.predict(texts.stream().map(t -> encoder.ids(t).row()).toArray(float[][]::new));
    }

    /** The token ids the network reads of {@code text}. */
    @Override
    public Object inputKey(String text) {
        return encoder.ids(text);
    }

    /** Past the tokens the network reads ({@link TextEncoder#readEnd}). */
    @Override
    public int readEnd(String text) {
        return encoder.readEnd(text);
    }

    /** The class names, by output index. */
    public List<String> classNames() {
        return network.outputNames();
    }

    /** How texts become id rows. */
    public TextEncoder encoder() {
        return encoder;
    }

    /** The network over id rows. */
    public BlockModel network() {
        return network;
    }

    /**
     * The network after its embedding layer, as a model over the embeddings of one id row ({@code length ×
     * dimension}); made once and closed with this classifier.
     */
    public synchronized DifferentiableModel embeddingGradients() {
        if (afterEmbedding == null) {
            afterEmbedding = network.after(EMBEDDING);
        }
        return afterEmbedding;
    }

    /**
     * A perturbation explainer of this classifier whose features are its own tokens, masked by replacing them with
     * {@value Vocabulary#PAD} in place (the padding embedding, as gradient methods' baseline); change the masking on
     * the builder to drop words instead.
     */
    public TextPerturbationExplainer.Builder perturbation(CoalitionMethod method) {
        return TextPerturbationExplainer.builder(this, method).tokenizer(encoder.tokenizer())
                .masking(TextMasking.replaceWith(Vocabulary.PAD));
    }

    @Override
    public void close() {
        if (afterEmbedding != null) {
            afterEmbedding.close();
        }
        network.close();
    }

    @Override
    public String toString() {
        return "text classifier (" + encoder.vocabulary() + ", reading the "
                + encoder.settings().part().name().toLowerCase(Locale.ROOT) + " text, at most "
                + encoder.settings().maxTokens() + " tokens) " + network;
    }
}
