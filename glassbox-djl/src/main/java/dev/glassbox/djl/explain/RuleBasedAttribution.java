package dev.glassbox.djl.explain;

import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.explain.Explainer;
import dev.glassbox.core.explain.path.Baseline;
import dev.glassbox.core.model.Target;
import dev.glassbox.djl.DifferentiableModel;
import dev.glassbox.djl.RuleBackprop;
import dev.glassbox.djl.SurrogateBackprop;
import dev.glassbox.djl.rules.DeconvReluRule;
import dev.glassbox.djl.rules.GuidedReluRule;
import dev.glassbox.djl.rules.RescaleMaxPoolRule;
import dev.glassbox.djl.rules.RescaleReluRule;
import java.util.ArrayList;
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
    /** The modified reverse pass: input rows, reference rows (or null) and output weightings to input cotangents. */
    @FunctionalInterface
    private interface Reverse {
        float[][] pullBack(float[][] inputs, float[][] references, float[][] cotangent);
    }

    private final String method;
    private final DifferentiableModel model;
    private final Reverse engine;
    private final Baseline baseline;

    private RuleBasedAttribution(String method, DifferentiableModel model, Reverse engine, Baseline baseline) {
        this.method = method;
        this.model = model;
        this.engine = engine;
        this.baseline = baseline;
    }

    /** Guided backprop. */
    public static RuleBasedAttribution guidedBackprop(DifferentiableModel model) {
        RuleBackprop engine = RuleBackprop.over(model, "guided backprop", List.of(new GuidedReluRule()));
        return new RuleBasedAttribution("guided-backprop", model, (x, r, w) -> engine.pullBack(x, w), null);
    }

    /** Deconvnet. */
    public static RuleBasedAttribution deconvnet(DifferentiableModel model) {
        RuleBackprop engine = RuleBackprop.over(model, "deconvnet", List.of(new DeconvReluRule()));
        return new RuleBasedAttribution("deconvnet", model, (x, r, w) -> engine.pullBack(x, w), null);
    }

    /** DeepLIFT (rescale rule) against a baseline. */
    public static RuleBasedAttribution deepLift(DifferentiableModel model, Baseline baseline) {
        SurrogateBackprop engine = SurrogateBackprop.over(model, "DeepLIFT",
                List.of(new RescaleReluRule(), new RescaleMaxPoolRule()));
        return new RuleBasedAttribution("deeplift", model, engine::pullBack, baseline);
    }

    @Override
    public Attribution explain(float[] input, Target target) {
        return explain(new float[][] {input}, target).get(0);
    }

    /** Attributions for a whole batch: one recorded forward pass and one rule-based reverse pass per reference. */
    @Override
    public List<Attribution> explain(float[][] inputs, Target target) {
        return explainTargets(inputs, Targets.resolve(model, inputs, target));
    }

    /** Attributions of a given class per input. */
    List<Attribution> explainTargets(float[][] inputs, int[] targets) {
        float[][] cotangent = Targets.oneHot(targets, model.outputSize(), 1);
        List<Attribution> out = new ArrayList<>(inputs.length);
        if (baseline == null) {
            float[][] values = engine.pullBack(inputs, null, cotangent);
            for (int i = 0; i < inputs.length; i++) {
                out.add(Attribution.of(method, targets[i], model.inputShape(), values[i], Map.of(), Map.of()));
            }
            return out;
        }
        List<List<float[]>> references = new ArrayList<>();
        for (float[] input : inputs) {
            references.add(baseline.references(input, model.inputShape()));
        }
        int count = references.get(0).size();
        float[][] values = new float[inputs.length][model.inputShape().size()];
        double[] baselineScores = new double[inputs.length];
        for (int r = 0; r < count; r++) {
            float[][] reference = new float[inputs.length][];
            for (int i = 0; i < inputs.length; i++) {
                reference[i] = references.get(i).get(r);
            }
            float[][] multipliers = engine.pullBack(inputs, reference, cotangent);
            float[][] referenceScores = model.predict(reference);
            for (int i = 0; i < inputs.length; i++) {
                for (int j = 0; j < values[i].length; j++) {
                    values[i][j] += (inputs[i][j] - reference[i][j]) * multipliers[i][j] / count;
                }
                baselineScores[i] += referenceScores[i][targets[i]] / count;
            }
        }
        float[][] scores = model.predict(inputs);
        for (int i = 0; i < inputs.length; i++) {
            double sum = 0;
            for (float v : values[i]) {
                sum += v;
            }
            Map<String, Double> diagnostics = new LinkedHashMap<>();
            diagnostics.put("completenessDelta", scores[i][targets[i]] - baselineScores[i] - sum);
            diagnostics.put("score", (double) scores[i][targets[i]]);
            diagnostics.put("baselineScore", baselineScores[i]);
            out.add(Attribution.of(method, targets[i], model.inputShape(), values[i],
                    Map.of("baseline", baseline.describe(), "baselines", count), diagnostics));
        }
        return out;
    }
}
