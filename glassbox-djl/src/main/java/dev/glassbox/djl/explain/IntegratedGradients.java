package dev.glassbox.djl.explain;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.explain.Explainer;
import dev.glassbox.core.explain.path.Baseline;
import dev.glassbox.core.explain.path.IntegrationRule;
import dev.glassbox.core.model.Target;
import dev.glassbox.djl.DifferentiableModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Integrated Gradients (Sundararajan et al. 2017): (x − x′) ⊙ ∫₀¹ ∂f_k(x′ + α(x − x′))/∂x dα, integrated with a chosen
 * rule. With several baselines the attributions are averaged (expected gradients). Path points go through the model
 * in passes sized to a memory budget, so many steps on large inputs never exhaust memory. Every result carries the
 * completeness delta f(x) − mean f(x′) − Σ attributions.
 */
public final class IntegratedGradients implements Explainer {
    private final DifferentiableModel model;
    private final IntegrationRule rule;
    private final int steps;
    private final Baseline baseline;
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

    /** How many path points one pass holds: input copies plus their gradients (and the engine's own copies). */
    int pointsPerPass() {
        long bytesPerPoint = 4L * model.inputShape().size() * 4;
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, memoryBudgetBytes / bytesPerPoint));
    }

    @Override
    public Attribution explain(float[] input, Target target) {
        int k = Targets.resolve(model, new float[][] {input}, target)[0];
        List<float[]> references = baseline.references(input, model.inputShape());
        IntegrationRule.Nodes nodes = rule.nodes(steps);
        double[] total = new double[input.length];
        double baselineScore = 0;
        for (float[] reference : references) {
            double[] averageGradient = pathAverageGradient(input, reference, k, nodes);
            for (int j = 0; j < total.length; j++) {
                total[j] += (input[j] - reference[j]) * averageGradient[j] / references.size();
            }
            baselineScore += model.predict(new float[][] {reference})[0][k] / references.size();
        }
        float[] values = new float[input.length];
        double sum = 0;
        for (int j = 0; j < values.length; j++) {
            values[j] = (float) total[j];
            sum += total[j];
        }
        double score = model.predict(new float[][] {input})[0][k];
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("steps", steps);
        params.put("rule", rule.cliName());
        params.put("baseline", baseline.describe());
        params.put("baselines", references.size());
        Map<String, Double> diagnostics = new LinkedHashMap<>();
        diagnostics.put("completenessDelta", score - baselineScore - sum);
        diagnostics.put("score", score);
        diagnostics.put("baselineScore", baselineScore);
        diagnostics.put("attributionSum", sum);
        return Attribution.of("ig", k, model.inputShape(), values, params, diagnostics);
    }

    /** Σ_i w_i ∂f_k/∂x at x′ + α_i (x − x′), evaluated in memory-bounded passes. */
    private double[] pathAverageGradient(float[] input, float[] reference, int k, IntegrationRule.Nodes nodes) {
        double[] accumulated = new double[input.length];
        int perPass = pointsPerPass();
        int n = nodes.alphas().length;
        for (int from = 0; from < n; from += perPass) {
            int to = Math.min(n, from + perPass);
            float[][] points = new float[to - from][input.length];
            for (int p = from; p < to; p++) {
                float alpha = (float) nodes.alphas()[p];
                float[] point = points[p - from];
                for (int j = 0; j < input.length; j++) {
                    point[j] = reference[j] + alpha * (input[j] - reference[j]);
                }
            }
            float[][] gradients = model.inputGradient(points, Targets.oneHot(new int[] {k}, model.outputSize(), to - from));
            for (int p = from; p < to; p++) {
                double weight = nodes.weights()[p];
                float[] g = gradients[p - from];
                for (int j = 0; j < accumulated.length; j++) {
                    accumulated[j] += weight * g[j];
                }
            }
        }
        return accumulated;
    }

    /** Settings of Integrated Gradients. */
    public static final class Builder {
        private final DifferentiableModel model;
        private IntegrationRule rule = IntegrationRule.GAUSS_LEGENDRE;
        private int steps = 50;
        private Baseline baseline = Baseline.zero();
        private long memoryBudgetBytes = 256L << 20;

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
        public Builder baseline(Baseline value) {
            baseline = value;
            return this;
        }

        /** Bytes one pass of path points may use (default 256 MiB). */
        public Builder memoryBudget(long bytes) {
            if (bytes <= 0) {
                throw new InvalidInputException("the memory budget must be positive, got " + bytes);
            }
            memoryBudgetBytes = bytes;
            return this;
        }

        /** The explainer. */
        public IntegratedGradients build() {
            return new IntegratedGradients(this);
        }
    }
}
