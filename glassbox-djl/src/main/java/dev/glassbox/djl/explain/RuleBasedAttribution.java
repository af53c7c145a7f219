package dev.glassbox.djl.explain;

import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.explain.Diagnostic;
import dev.glassbox.core.explain.Explainer;
import dev.glassbox.core.explain.path.PathBaseline;
import dev.glassbox.core.model.Target;
import dev.glassbox.djl.DifferentiableModel;
import dev.glassbox.djl.Gradients;
import dev.glassbox.djl.OutputWeighting;
import dev.glassbox.djl.backprop.ReversePass;
import dev.glassbox.djl.backprop.RuleBackprop;
import dev.glassbox.djl.rules.DeconvReluRule;
import dev.glassbox.djl.rules.LrpPreset;
import dev.glassbox.djl.rules.GuidedReluRule;
import dev.glassbox.djl.rules.DeepLiftRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Attributions from a reverse pass with modified rules at the nonlinearities: guided backprop (Springenberg et al.
 * 2015), deconvnet (Zeiler and Fergus 2014) and DeepLIFT with the rescale rule at ReLUs and other elementwise nonlinearities and Captum's rule at max-pools (Shrikumar et al. 2017). DeepLIFT
 * multiplies the resulting multipliers by x − x′ and reports its summation-to-delta error; with several references
 * the attributions are averaged. Needs a model whose layers glassbox holds.
 */
public final class RuleBasedAttribution implements Explainer {
    /** The modified reverse pass: input rows, reference rows (or null) and output weightings to input cotangents. */
    @FunctionalInterface
    private interface Reverse {
        ReversePass pullBack(float[][] inputs, float[][] references, OutputWeighting weighting);
    }

    private final String method;
    private final DifferentiableModel model;
    private final Reverse engine;
    private final PathBaseline baseline;
    private final boolean relevance;
    private final Map<String, Object> params;

    /** {@code relevance}: the attribution is relevance at the input (LRP), not the cotangent itself. */
    private RuleBasedAttribution(String method, DifferentiableModel model, Reverse engine, PathBaseline baseline,
            boolean relevance, Map<String, Object> params) {
        this.method = method;
        this.model = model;
        this.engine = engine;
        this.baseline = baseline;
        this.relevance = relevance;
        this.params = params;
    }

    /** Guided backprop. */
    public static RuleBasedAttribution guidedBackprop(DifferentiableModel model) {
        RuleBackprop engine = RuleBackprop.over(model, "guided backprop", List.of(new GuidedReluRule()));
        return new RuleBasedAttribution("guided-backprop", model, withoutReference(engine), null, false, Map.of());
    }

    /** Deconvnet. */
    public static RuleBasedAttribution deconvnet(DifferentiableModel model) {
        RuleBackprop engine = RuleBackprop.over(model, "deconvnet", List.of(new DeconvReluRule()));
        return new RuleBasedAttribution("deconvnet", model, withoutReference(engine), null, false, Map.of());
    }

    /** DeepLIFT (rescale rule) against a baseline, with Captum 0.8's numbers ({@link DeepLiftRules#CAPTUM}). */
    public static RuleBasedAttribution deepLift(DifferentiableModel model, PathBaseline baseline) {
        return deepLift(model, baseline, DeepLiftRules.CAPTUM);
    }

    /** DeepLIFT (rescale rule) against a baseline, in the given flavour. */
    public static RuleBasedAttribution deepLift(DifferentiableModel model, PathBaseline baseline, DeepLiftRules rules) {
        RuleBackprop engine = RuleBackprop.over(model, "DeepLIFT", rules.rules());
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("rules", rules.name().toLowerCase(java.util.Locale.ROOT));
        return new RuleBasedAttribution("deeplift", model, engine::pullBack, baseline, false, params);
    }

    /**
     * Layer-wise relevance propagation with a preset's rules: the relevance {@code x ⊙ g} at the input, where the
     * reverse pass starts from the explained score's value; each result reports that score and the relevance's sum
     * (equal under LRP-0 on a bias-free network; the difference is what biases and ε absorbed).
     */
    public static RuleBasedAttribution lrp(DifferentiableModel model, LrpPreset preset) {
        RuleBackprop engine = RuleBackprop.over(model, preset.method(), preset.rules());
        return new RuleBasedAttribution(preset.method(), model,
                (inputs, references, weighting) -> engine.pullBackRelevance(inputs, weighting), null, true,
                preset.params());
    }

    private static Reverse withoutReference(RuleBackprop engine) {
        return (inputs, references, weighting) -> {
            Gradients pass = engine.pullBack(inputs, weighting);
            return new ReversePass(pass.scores(), null, pass.gradients(), null);
        };
    }

    /** {@code x ⊙ g}, plus what input-relevance rules (z^B) handed back directly ({@code direct}, or null). */
    private Attribution relevance(float[] input, float[] cotangent, float[] direct, int target, float score) {
        float[] values = new float[input.length];
        double sum = 0;
        for (int j = 0; j < values.length; j++) {
            values[j] = input[j] * cotangent[j] + (direct == null ? 0f : direct[j]);
            sum += values[j];
        }
        Map<String, Double> diagnostics = new LinkedHashMap<>();
        diagnostics.put(Diagnostic.SCORE.key(), (double) score);
        diagnostics.put(Diagnostic.RELEVANCE_SUM.key(), sum);
        return Attribution.of(method, target, model.inputShape(), values, params, diagnostics);
    }

    @Override
    public Attribution explain(float[] input, Target target) {
        return explain(new float[][] {input}, target).get(0);
    }

    /**
     * Attributions for a whole batch: one recorded forward pass, whose scores resolve the target, and one rule-based
     * reverse pass per reference.
     */
    @Override
    public List<Attribution> explain(float[][] inputs, Target target) {
        OutputWeighting weighting = OutputWeighting.target(target);
        List<Attribution> out = new ArrayList<>(inputs.length);
        if (baseline == null) {
            ReversePass pass = engine.pullBack(inputs, null, weighting);
            for (int i = 0; i < inputs.length; i++) {
                int k = target.resolve(pass.scores()[i]);
                if (!relevance) {
                    out.add(Attribution.of(method, k, model.inputShape(), pass.cotangents()[i], Map.of(), Map.of()));
                } else {
                    out.add(relevance(inputs[i], pass.cotangents()[i],
                            pass.inputRelevance() == null ? null : pass.inputRelevance()[i], k, pass.scores()[i][k]));
                }
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
        float[][] scores = null;
        int[] targets = new int[inputs.length];
        for (int r = 0; r < count; r++) {
            float[][] reference = new float[inputs.length][];
            for (int i = 0; i < inputs.length; i++) {
                reference[i] = references.get(i).get(r);
            }
            ReversePass pass = engine.pullBack(inputs, reference,
                    scores == null ? weighting : OutputWeighting.classes(targets));
            if (scores == null) {
                scores = pass.scores();
                for (int i = 0; i < inputs.length; i++) {
                    targets[i] = target.resolve(scores[i]);
                }
            }
            for (int i = 0; i < inputs.length; i++) {
                for (int j = 0; j < values[i].length; j++) {
                    values[i][j] += (inputs[i][j] - reference[i][j]) * pass.cotangents()[i][j] / count;
                }
                baselineScores[i] += pass.referenceScores()[i][targets[i]] / count;
            }
        }
        for (int i = 0; i < inputs.length; i++) {
            double sum = 0;
            for (float v : values[i]) {
                sum += v;
            }
            Map<String, Double> diagnostics = new LinkedHashMap<>();
            diagnostics.put(Diagnostic.COMPLETENESS_DELTA.key(), sum - (scores[i][targets[i]] - baselineScores[i]));
            diagnostics.put(Diagnostic.SCORE.key(), (double) scores[i][targets[i]]);
            diagnostics.put(Diagnostic.BASELINE_SCORE.key(), baselineScores[i]);
            Map<String, Object> described = new LinkedHashMap<>(params);
            described.put("baseline", baseline.describe());
            described.put("baselines", count);
            out.add(Attribution.of(method, targets[i], model.inputShape(), values[i], described, diagnostics));
        }
        return out;
    }
}
