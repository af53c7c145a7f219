package dev.glassbox.djl.text;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.explain.path.IntegrationRule;
import dev.glassbox.core.explain.perturb.CoalitionMethod;
import dev.glassbox.core.explain.perturb.Execution;
import dev.glassbox.core.explain.perturb.FeatureAblation;
import dev.glassbox.core.explain.perturb.KernelShap;
import dev.glassbox.core.explain.perturb.Lime;
import dev.glassbox.core.explain.text.TextExplainer;
import dev.glassbox.core.explain.text.TextMasking;
import java.util.List;
import java.util.Locale;

/**
 * The methods that explain a {@link TextClassifier} word by word, by their command-line names: {@code occlusion}
 * (each token masked alone), {@code lime} (the {@code lime} package's text sampling and kernel), {@code kernel-shap},
 * {@code ig} (Integrated Gradients on the embeddings) and {@code ixg} (Gradient × Input on the embeddings). Every
 * method has one feature per token position.
 */
public final class TextMethods {
    /** The method names, in the order the help lists them. */
    public static final List<String> NAMES = List.of("occlusion", "lime", "kernel-shap", "ig", "ixg");

    private TextMethods() {
    }

    /**
     * The settings of all methods.
     *
     * @param steps Integrated Gradients' path points
     * @param rule Integrated Gradients' integration rule
     * @param limeSamples LIME's coalitions
     * @param shapSamples Kernel SHAP's coalition budget (0: the {@code shap} package's {@code 2M + 2048})
     * @param seed the seed of LIME and Kernel SHAP
     * @param dropWords mask tokens by dropping them instead of replacing them with the padding token
     * @param execution how perturbed texts stream through the model
     */
    public record Settings(int steps, IntegrationRule rule, int limeSamples, int shapSamples, long seed,
            boolean dropWords, Execution execution) {
        /** 50 Gauss–Legendre steps, 5000 LIME samples (the {@code lime} package's), automatic SHAP budget, seed 0. */
        public static Settings defaults() {
            return new Settings(50, IntegrationRule.GAUSS_LEGENDRE, 5000, 0, 0, false, Execution.defaults());
        }

        /** The same settings with other sample counts for LIME and Kernel SHAP. */
        public Settings withSamples(int lime, int shap) {
            return new Settings(steps, rule, lime, shap, seed, dropWords, execution);
        }
    }

    /** The explainer named {@code name} for {@code classifier}. */
    public static TextExplainer create(String name, TextClassifier classifier, Settings settings) {
        String method = name.trim().toLowerCase(Locale.ROOT);
        return switch (method) {
            case "occlusion" -> perturbation(classifier, FeatureAblation.occlusion(), settings);
            case "lime" -> perturbation(classifier, Lime.forText().samples(settings.limeSamples()).seed(settings.seed())
                    .topK(Integer.MAX_VALUE).build(), settings);
            case "kernel-shap" -> perturbation(classifier,
                    KernelShap.builder().samples(settings.shapSamples()).seed(settings.seed()).build(), settings);
            case "ig" -> EmbeddingAttribution.integratedGradients(classifier, settings.steps(), settings.rule());
            case "ixg" -> EmbeddingAttribution.gradientTimesInput(classifier);
            default -> throw new InvalidInputException("unknown text method '" + name + "': expected one of "
                    + String.join(", ", NAMES));
        };
    }

    private static TextExplainer perturbation(TextClassifier classifier, CoalitionMethod method, Settings settings) {
        var builder = classifier.perturbation(method).execution(settings.execution());
        return (settings.dropWords() ? builder.masking(TextMasking.drop()) : builder).build();
    }
}
