package dev.glassbox.cli.option;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.Progress;
import dev.glassbox.core.explain.path.IntegrationRule;
import dev.glassbox.core.explain.perturb.Execution;
import dev.glassbox.djl.text.TextMethods;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The settings of text methods that images do not have: how words are masked and how many samples LIME and SHAP take. */
public final class TextExplainOptions {
    @Option(names = "--mask", paramLabel = "pad|drop",
            description = "Text methods: replace masked words with the padding token in place, or drop them (default: ${DEFAULT-VALUE}).")
    public String mask = "pad";

    @Option(names = "--lime-samples", description = "Text methods: LIME's perturbed texts (default: ${DEFAULT-VALUE}).")
    public int limeSamples = TextMethods.Settings.defaults().limeSamples();

    @Option(names = "--shap-samples", description = "Text methods: Kernel SHAP's coalition budget, 0 for 2M + 2048 (default: ${DEFAULT-VALUE}).")
    public int shapSamples = TextMethods.Settings.defaults().shapSamples();

    /** The text methods' settings, with the shared ones (steps, rule, seed) taken from {@code options}. */
    public TextMethods.Settings settings(ExplainOptions options) {
        return settings(options, Progress.NONE);
    }

    /** The text methods' settings, the perturbation methods reporting each batch of texts to {@code progress}. */
    public TextMethods.Settings settings(ExplainOptions options, Progress progress) {
        boolean drop = switch (mask.toLowerCase(Locale.ROOT)) {
            case "pad" -> false;
            case "drop" -> true;
            default -> throw new InvalidInputException("unknown --mask '" + mask + "': expected pad or drop");
        };
        return new TextMethods.Settings(options.steps, IntegrationRule.parse(options.rule), limeSamples, shapSamples,
                options.seed, drop,
                Execution.defaults().withBudgetBytes(options.memoryBudgetMb << 20).withProgress(progress));
    }
}
