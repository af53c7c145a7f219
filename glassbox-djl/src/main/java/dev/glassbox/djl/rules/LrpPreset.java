package dev.glassbox.djl.rules;

import dev.glassbox.djl.backprop.Rule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A named set of LRP rules, as the command line offers them: LRP-0, LRP-ε, LRP-γ and LRP-αβ on every affine node
 * (with the ε rule on pooling), and the composite of Montavon et al.'s overview — z^B on the first layer, γ on the
 * other convolutions, ε on dense layers and pooling. The rules' parameters are recorded with every attribution.
 *
 * @param method the method's name ({@code lrp-0}, {@code lrp-epsilon}, …)
 * @param rules the rules, first applicable wins
 * @param params the parameters, in a stable order
 */
public record LrpPreset(String method, List<Rule> rules, Map<String, Object> params) {
    private static final Set<String> DENSE = Set.of("Gemm", "MatMul", "BatchNormalization");
    private static final Set<String> CONVOLUTIONS = Set.of("Conv", "ConvTranspose");

    public LrpPreset {
        rules = List.copyOf(rules);
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** LRP-0: relevance in proportion to each input's contribution (equals Gradient × Input on bias-free ReLU nets). */
    public static LrpPreset zero() {
        return new LrpPreset("lrp-0", List.of(new LrpEpsilonRule(0)), Map.of());
    }

    /** LRP-ε on affine and pooling nodes. */
    public static LrpPreset epsilon(double epsilon) {
        return new LrpPreset("lrp-epsilon", List.of(new LrpEpsilonRule(epsilon)), ordered("epsilon", epsilon));
    }

    /** LRP-γ on affine nodes, the ε rule (with the same ε) on pooling. */
    public static LrpPreset gamma(double gamma, double epsilon) {
        return new LrpPreset("lrp-gamma", List.of(new LrpGammaRule(gamma, epsilon),
                new LrpEpsilonRule(epsilon, LrpEpsilonRule.POOLING)), ordered("gamma", gamma, "epsilon", epsilon));
    }

    /** LRP-αβ (β = α − 1) on affine nodes, LRP-0 on pooling. */
    public static LrpPreset alphaBeta(double alpha) {
        return new LrpPreset("lrp-alphabeta", List.of(new LrpAlphaBetaRule(alpha),
                new LrpEpsilonRule(0, LrpEpsilonRule.POOLING)), ordered("alpha", alpha, "beta", alpha - 1));
    }

    /**
     * The composite: z^B on the first layer (inputs in {@code [low, high]}), γ on the other convolutions, ε on dense
     * layers and pooling.
     */
    public static LrpPreset composite(double epsilon, double gamma, float low, float high) {
        return new LrpPreset("lrp-composite", List.of(new LrpBoundedRule(low, high),
                new LrpGammaRule(gamma, epsilon, CONVOLUTIONS),
                new LrpEpsilonRule(epsilon, LrpEpsilonRule.union(DENSE, LrpEpsilonRule.POOLING))),
                ordered("epsilon", epsilon, "gamma", gamma, "low", low, "high", high));
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            out.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return out;
    }
}
