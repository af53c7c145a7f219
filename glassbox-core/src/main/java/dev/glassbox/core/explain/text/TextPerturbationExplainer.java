package dev.glassbox.core.explain.text;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.explain.perturb.CoalitionMethod;
import dev.glassbox.core.explain.perturb.Estimate;
import dev.glassbox.core.explain.perturb.Evaluator;
import dev.glassbox.core.explain.perturb.Execution;
import dev.glassbox.core.explain.perturb.FeatureAblation;
import dev.glassbox.core.explain.perturb.Lime;
import dev.glassbox.core.explain.perturb.Readout;
import dev.glassbox.core.model.Target;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Explains a {@link TextModel} with any {@link CoalitionMethod} over the tokens of the text: text occlusion is {@link
 * FeatureAblation#occlusion()} (drop each word, or replace it with a mask token), LIME for text is {@link
 * Lime#forText()} over distinct words; Kernel SHAP and Shapley values work the same way. Attributions hold one value per
 * feature with a {@link TokenGrouping}, which carries the tokens' character offsets. When the model says what it reads
 * ({@link TextModel#inputKey(String)}), features whose masking alone leaves that unchanged are not part of the game:
 * they stay in every perturbed text and get exactly 0 (counted in the {@code unreadFeatures} diagnostic).
 *
 * <pre>{@code
 * TextExplainer lime = TextPerturbationExplainer.builder(model, Lime.forText().seed(1).build()).bagOfWords(true).build();
 * Attribution a = lime.explain("a fine, long film", Target.PREDICTED);
 * }</pre>
 */
public final class TextPerturbationExplainer implements TextExplainer {
    /** Memory assumed per text row besides its characters: the model's scores and the row's own overhead. */
    private static final long ROW_OVERHEAD_BYTES = 1024;

    private final TextModel model;
    private final CoalitionMethod method;
    private final Tokenizer tokenizer;
    private final TextMasking masking;
    private final boolean bagOfWords;
    private final Execution execution;
    private final boolean probabilities;

    private TextPerturbationExplainer(Builder b) {
        this.model = b.model;
        this.method = b.method;
        this.tokenizer = b.tokenizer;
        this.masking = b.masking;
        this.bagOfWords = b.bagOfWords;
        this.execution = b.execution;
        this.probabilities = b.probabilities;
    }

    /** A builder for {@code method} on {@code model}: word tokens, one feature per position, masked words dropped. */
    public static Builder builder(TextModel model, CoalitionMethod method) {
        return new Builder(model, method);
    }

    @Override
    public Attribution explain(String text, Target target) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("the text is empty: give some words to explain");
        }
        List<Token> tokens = tokenizer.tokenize(text);
        TokenGrouping grouping = bagOfWords ? TokenGrouping.byWord(text, tokens) : TokenGrouping.byPosition(text, tokens);
        float[][] scores = model.predict(List.of(text));
        if (scores == null || scores.length != 1 || scores[0] == null || scores[0].length == 0) {
            throw new IllegalStateException("the text model must return one non-empty row of scores per text");
        }
        int index = target.resolve(scores[0]);
        Readout readout = new Readout(index, probabilities && model.outputsLogits());
        long bytesPerRow = 2L * text.length() + ROW_OVERHEAD_BYTES;
        Evaluator<String> evaluator = new Evaluator<>(model::predict, bytesPerRow, readout, execution, method.name());
        TextGame game = new TextGame(model, grouping, masking, evaluator);
        Estimate estimate = overAllFeatures(game.players() == 0 ? Estimate.of(new double[0], Map.of())
                : method.attribute(game), game.playerFeatures(), grouping.groupCount());

        Map<String, Object> params = new HashMap<>(method.params());
        params.put("masking", masking.toString());
        params.put("features", bagOfWords ? "words" : "tokens");
        params.put("output", readout.kind());
        return estimate.toAttribution(method.name(), index, grouping, params, evaluator.evaluatedRows());
    }

    /** An estimate over the game's players as one over all features: features the model does not read get 0. */
    private static Estimate overAllFeatures(Estimate players, int[] features, int featureCount) {
        double[] values = new double[featureCount];
        double[] errors = new double[players.standardErrors().length == 0 ? 0 : featureCount];
        for (int p = 0; p < features.length; p++) {
            values[features[p]] = players.values()[p];
            if (errors.length > 0) {
                errors[features[p]] = players.standardErrors()[p];
            }
        }
        Map<String, Double> diagnostics = new HashMap<>(players.diagnostics());
        diagnostics.put("unreadFeatures", (double) (featureCount - features.length));
        return new Estimate(values, errors, diagnostics);
    }

    /** Settings for {@link TextPerturbationExplainer}. */
    public static final class Builder {
        private final TextModel model;
        private final CoalitionMethod method;
        private Tokenizer tokenizer = Tokenizer.WORDS;
        private TextMasking masking = TextMasking.drop();
        private boolean bagOfWords;
        private Execution execution = Execution.defaults();
        private boolean probabilities;

        private Builder(TextModel model, CoalitionMethod method) {
            if (model == null || method == null) {
                throw new InvalidInputException("a text explainer needs a model and a method");
            }
            this.model = model;
            this.method = method;
        }

        /** How the text is split into tokens (default: words). */
        public Builder tokenizer(Tokenizer tokenizer) {
            this.tokenizer = tokenizer;
            return this;
        }

        /** Drop masked tokens (default) or replace them with a mask token. */
        public Builder masking(TextMasking masking) {
            this.masking = masking;
            return this;
        }

        /** One feature per distinct word, as the {@code lime} package does by default, instead of per position. */
        public Builder bagOfWords(boolean bagOfWords) {
            this.bagOfWords = bagOfWords;
            return this;
        }

        /** Chunking, threads and progress of model evaluations. */
        public Builder execution(Execution execution) {
            this.execution = execution;
            return this;
        }

        /** Explain softmax probabilities instead of raw scores when the model outputs logits. */
        public Builder probabilities(boolean probabilities) {
            this.probabilities = probabilities;
            return this;
        }

        public TextPerturbationExplainer build() {
            return new TextPerturbationExplainer(this);
        }
    }
}
