package dev.glassbox.djl.explain;

import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.explain.Explainer;
import dev.glassbox.core.explain.path.Baseline;
import dev.glassbox.core.model.Target;
import dev.glassbox.djl.DifferentiableModel;
import dev.glassbox.djl.RuleBackprop;
import dev.glassbox.djl.rules.DeconvReluRule;
import dev.glassbox.djl.rules.GuidedReluRule;
import dev.glassbox.djl.rules.RescaleMaxPoolRule;
import dev.glassbox.djl.rules.RescaleReluRule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Attributions from a reverse pass with modified rules at the nonlinearities: guided backprop (Springenberg et al.
 * 2015), deconvnet (Zeiler and Fergus 2014) and DeepLIFT with the rescale rule at ReLUs and Captum's rule at max-pools (Shrikumar et al. 2017). DeepLIFT
 * multiplies the resulting multipliers by x − x′ and reports its summation-to-delta error; with several references
 * the attributions are averaged. Needs a model whose layers glassbox holds.
 */
public final class RuleBasedAttribution implements Explainer {
    private final String method;
    private final DifferentiableModel model;
    private final RuleBackprop engine;
    private final Baseline baseline;

    private RuleBasedAttribution(String method, DifferentiableModel model, RuleBackprop engine, Baseline baseline) {
        this.method = method;
        this.model = model;
        this.engine = engine;
        this.baseline = baseline;
    }

    /** Guided backprop. */
    public static RuleBasedAttribution guidedBackprop(DifferentiableModel model) {
        return new RuleBasedAttribution("guided-backprop", model,
                RuleBackprop.over(model, "guided backprop", List.of(new GuidedReluRule())), null);
    }

    /** Deconvnet. */
    public static RuleBasedAttribution deconvnet(DifferentiableModel model) {
        return new RuleBasedAttribution("deconvnet", model,
                RuleBackprop.over(model, "deconvnet", List.of(new DeconvReluRule())), null);
    }

    /** DeepLIFT (rescale rule) against a baseline. */
    public static RuleBasedAttribution deepLift(DifferentiableModel model, Baseline baseline) {
        return new RuleBasedAttribution("deeplift", model,
                RuleBackprop.over(model, "DeepLIFT", List.of(new RescaleReluRule(), new RescaleMaxPoolRule())), baseline);
    }

    @Override
    public Attribution explain(float[] input, Target target) {
        int k = Targets.resolve(model, new float[][] {input}, target)[0];
        float[][] cotangent = Targets.oneHot(new int[] {k}, model.outputSize(), 1);
        if (baseline == null) {
            float[] values = engine.pullBack(new float[][] {input}, null, cotangent)[0];
            return Attribution.of(method, k, model.inputShape(), values, Map.of(), Map.of());
        }
        List<float[]> references = baseline.references(input, model.inputShape());
        float[] values = new float[input.length];
        double baselineScore = 0;
        for (float[] reference : references) {
            float[] multipliers = engine.pullBack(new float[][] {input}, new float[][] {reference}, cotangent)[0];
            for (int j = 0; j < values.length; j++) {
                values[j] += (input[j] - reference[j]) * multipliers[j] / references.size();
            }
            baselineScore += model.predict(new float[][] {reference})[0][k] / references.size();
        }
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        double score = model.predict(new float[][] {input})[0][k];
        Map<String, Double> diagnostics = new LinkedHashMap<>();
        diagnostics.put("completenessDelta", score - baselineScore - sum);
        diagnostics.put("score", score);
        diagnostics.put("baselineScore", baselineScore);
        return Attribution.of(method, k, model.inputShape(), values,
                Map.of("baseline", baseline.describe(), "baselines", references.size()), diagnostics);
    }
}
