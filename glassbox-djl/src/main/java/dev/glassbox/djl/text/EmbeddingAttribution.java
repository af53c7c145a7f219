package dev.glassbox.djl.text;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.explain.Explainer;
import dev.glassbox.core.explain.path.IntegrationRule;
import dev.glassbox.core.explain.text.TextEncoder;
import dev.glassbox.core.explain.text.TextExplainer;
import dev.glassbox.core.explain.text.Token;
import dev.glassbox.core.explain.text.TokenGrouping;
import dev.glassbox.core.explain.text.Vocabulary;
import dev.glassbox.core.model.Shape;
import dev.glassbox.core.model.Target;
import dev.glassbox.djl.explain.IntegratedGradients;
import dev.glassbox.djl.explain.Saliency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A gradient method applied to a {@link TextClassifier}'s embeddings, one value per token: the method explains the
 * network after its embedding layer at the text's embedding matrix, and a token's attribution is the sum over the
 * embedding dimensions at its position (tokens the network does not read get 0). The baseline is the padding
 * embedding, which {@link PaddedEmbedding} makes the zero vector: Integrated Gradients integrates from the all-padding
 * sequence (its completeness delta is kept), and Gradient × Input is the gradient times the embedding's difference from
 * padding.
 */
public final class EmbeddingAttribution implements TextExplainer {
    private final TextClassifier classifier;
    private final Explainer method;

    private EmbeddingAttribution(TextClassifier classifier, Explainer method) {
        float[] padding = classifier.network().activations(new float[1][classifier.encoder().settings().maxTokens()],
                TextClassifier.EMBEDDING)[0];
        for (float v : padding) {
            if (v != 0) {
                throw new InvalidInputException("gradient methods on the embeddings integrate from the padding "
                        + "embedding, which must be zero; " + classifier + " embeds " + Vocabulary.PAD + " elsewhere");
            }
        }
        this.classifier = classifier;
        this.method = method;
    }

    /** Integrated Gradients from the all-padding embeddings with {@code steps} points of {@code rule}. */
    public static EmbeddingAttribution integratedGradients(TextClassifier classifier, int steps, IntegrationRule rule) {
        return new EmbeddingAttribution(classifier,
                IntegratedGradients.of(classifier.embeddingGradients()).steps(steps).rule(rule).build());
    }

    /** Gradient × Input on the embeddings. */
    public static EmbeddingAttribution gradientTimesInput(TextClassifier classifier) {
        return new EmbeddingAttribution(classifier, Saliency.timesInput(classifier.embeddingGradients()));
    }

    @Override
    public Attribution explain(String text, Target target) {
        TextEncoder.Encoding encoding = classifier.encoder().encode(text);
        List<Token> tokens = encoding.tokens();
        if (tokens.isEmpty()) {
            throw new InvalidInputException("the text has no tokens to explain");
        }
        float[] embeddings = classifier.network().activations(new float[][] {encoding.row()}, TextClassifier.EMBEDDING)[0];
        Attribution inner = method.explain(embeddings, target);
        int dimension = inner.shape().dim(inner.shape().rank() - 1);
        float[] values = new float[tokens.size()];
        for (int t = 0; t < values.length; t++) {
            int position = encoding.positions()[t];
            for (int d = 0; position >= 0 && d < dimension; d++) {
                values[t] += inner.values()[position * dimension + d];
            }
        }
        Map<String, Object> params = new HashMap<>(inner.params());
        params.put("layer", TextClassifier.EMBEDDING);
        params.put("baseline", "padding embedding");
        TokenGrouping grouping = TokenGrouping.byPosition(text, tokens);
        return new Attribution(inner.method(), inner.target(), Shape.of(values.length), values, grouping.names(), params,
                inner.diagnostics(), grouping, new float[0]);
    }
}
