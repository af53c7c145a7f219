package dev.glassbox.djl.explain;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.explain.Diagnostic;
import dev.glassbox.core.explain.Explainer;
import dev.glassbox.core.explain.path.PathBaseline;
import dev.glassbox.core.explain.path.IntegrationRule;
import dev.glassbox.core.model.Target;
import dev.glassbox.djl.DifferentiableModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Integrated Gradients (Sundararajan et al. 2017): (x − x′) ⊙ ∫₀¹ ∂f_k(x′ + α(x − x′))/∂x dα, integrated with a chosen
 * rule. With several baselines the attributions are averaged (expected gradients). Path points go through the model
 * in passes sized to a memory budget, so many steps on large inputs never exhaust memory. Every result carries the
 * completeness delta Σ attributions − (f(x) − mean f(x′)) ({@link Diagnostic#COMPLETENESS_DELTA}, Captum's sign).
 */
public final class IntegratedGradients implements Explainer {
    private final DifferentiableModel model;
    private final IntegrationRule rule;
    private final int steps;
    private final PathBaseline baseline;
    private final long memoryBudgetBytes;

    private IntegratedGradients(Builder b) {
        this.model = b.model;
        this.rule = b.rule;
        this.steps = b.steps;
        this.baseline = b.baseline;
        this.memoryBudgetBytes = b.memoryBudgetBytes;
    }

    /** Starts an Integrated Gradients explainer for a model. */
    public static Builder of(DifferentiableModel model) {
        return new Builder(model);
    }

    /**
     * How many path points one pass holds: input copies plus their gradients (and the engine's own copies), and the
     * activations the model keeps per sample for the backward pass, where it can tell.
     */
    int pointsPerPass() {
        return model.samplesPerPass(memoryBudgetBytes);
    }

    @Override
    public Attribution explain(float[] input, Target target) {
        return explain(new float[][] {input}, target).get(0);
    }

    /**
     * Explains a batch: one forward pass scores the inputs (resolving the target) and their references, then the
     * path points of all inputs stream through the model in passes sized to the memory budget.
     */
    @Override
    public List<Attribution> explain(float[][] inputs, Target target) {
        List<List<float[]>> references = new ArrayList<>(inputs.length);
        List<float[]> scored = new ArrayList<>(List.of(inputs));
        for (float[] input : inputs) {
            references.add(baseline.references(input, model.inputShape()));
            scored.addAll(references.get(references.size() - 1));
        }
        float[][] scores = model.predict(scored.toArray(float[][]::new));
        int[] classes = new int[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            classes[i] = target.resolve(scores[i]);
        }
        double[][] totals = pathIntegrals(inputs, references, classes);
        List<Attribution> out = new ArrayList<>(inputs.length);
        int referenceRow = inputs.length;
        for (int i = 0; i < inputs.length; i++) {
            int k = classes[i];
            double baselineScore = 0;
            for (int r = 0; r < references.get(i).size(); r++) {
                baselineScore += scores[referenceRow++][k] / references.get(i).size();
            }
            out.add(attribution(k, totals[i], scores[i][k], baselineScore, references.get(i).size()));
        }
        return out;
    }

    /**
     * Σ_r (x − x′_r) ⊙ Σ_s w_s ∂f_k/∂x at x′_r + α_s (x − x′_r), averaged over the references, for every input: all
     * path points enumerated input by input, reference by reference, node by node, and evaluated in passes.
     */
    private double[][] pathIntegrals(float[][] inputs, List<List<float[]>> references, int[] classes) {
        IntegrationRule.Nodes nodes = rule.nodes(steps);
        int n = nodes.alphas().length;
        int[] firstPoint = new int[inputs.length + 1];
        for (int i = 0; i < inputs.length; i++) {
            firstPoint[i + 1] = Math.addExact(firstPoint[i], Math.multiplyExact(references.get(i).size(), n));
        }
        double[][] totals = new double[inputs.length][];
        for (int i = 0; i < inputs.length; i++) {
            totals[i] = new double[inputs[i].length];
        }
        int perPass = pointsPerPass();
        int owner = 0;
        for (int from = 0; from < firstPoint[inputs.length]; from += perPass) {
            int to = Math.min(firstPoint[inputs.length], from + perPass);
            float[][] points = new float[to - from][];
            int[] owners = new int[to - from];
            float[][] weights = new float[to - from][model.outputSize()];
            for (int p = from; p < to; p++) {
                while (p >= firstPoint[owner + 1]) {
                    owner++;
                }
                int local = p - firstPoint[owner];
                float[] x = inputs[owner];
                float[] reference = references.get(owner).get(local / n);
                float alpha = (float) nodes.alphas()[local % n];
                float[] point = new float[x.length];
                for (int j = 0; j < x.length; j++) {
                    point[j] = reference[j] + alpha * (x[j] - reference[j]);
                }
                points[p - from] = point;
                owners[p - from] = owner;
                weights[p - from][classes[owner]] = 1f;
            }
            float[][] gradients = model.inputGradient(points, weights);
            for (int p = from; p < to; p++) {
                int i = owners[p - from];
                int local = p - firstPoint[i];
                float[] x = inputs[i];
                float[] reference = references.get(i).get(local / n);
                double scale = nodes.weights()[local % n] / references.get(i).size();
                float[] g = gradients[p - from];
                for (int j = 0; j < x.length; j++) {
                    totals[i][j] += scale * (x[j] - reference[j]) * g[j];
                }
            }
        }
        return totals;
    }

    private Attribution attribution(int k, double[] total, double score, double baselineScore, int baselines) {
        float[] values = new float[total.length];
        double sum = 0;
        for (int j = 0; j < values.length; j++) {
            values[j] = (float) total[j];
            sum += total[j];
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("steps", steps);
        params.put("rule", rule.cliName());
        params.put("baseline", baseline.describe());
        params.put("baselines", baselines);
        Map<String, Double> diagnostics = new LinkedHashMap<>();
        diagnostics.put(Diagnostic.COMPLETENESS_DELTA.key(), sum - (score - baselineScore));
        diagnostics.put(Diagnostic.SCORE.key(), score);
        diagnostics.put(Diagnostic.BASELINE_SCORE.key(), baselineScore);
        diagnostics.put("attributionSum", sum);
        return Attribution.of("ig", k, model.inputShape(), values, params, diagnostics);
    }

    /** Settings of Integrated Gradients. */
    public static final class Builder {
        private final DifferentiableModel model;
        private IntegrationRule rule = IntegrationRule.GAUSS_LEGENDRE;
        private int steps = 50;
        private PathBaseline baseline = PathBaseline.zero();
        private long memoryBudgetBytes = DifferentiableModel.DEFAULT_PASS_BUDGET_BYTES;

        private Builder(DifferentiableModel model) {
            this.model = model;
        }

        /** The integration rule (default Gauss–Legendre, as Captum). */
        public Builder rule(IntegrationRule value) {
            rule = value;
            return this;
        }

        /** Path points (default 50). */
        public Builder steps(int value) {
            if (value < 1) {
                throw new InvalidInputException("Integrated Gradients needs at least 1 step, got " + value);
            }
            steps = value;
            return this;
        }

        /** The baseline, or a set of baselines to average (default zero). */
        public Builder baseline(PathBaseline value) {
            baseline = value;
            return this;
        }

        /** Bytes one pass of path points may use (default 256 MiB). */
        public Builder memoryBudget(long bytes) {
            memoryBudgetBytes = DifferentiableModel.requirePassBudget(bytes);
            return this;
        }

        /** The explainer. */
        public IntegratedGradients build() {
            return new IntegratedGradients(this);
        }
    }
}
