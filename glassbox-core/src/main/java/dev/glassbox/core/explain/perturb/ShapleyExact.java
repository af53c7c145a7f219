package dev.glassbox.core.explain.perturb;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.explain.Diagnostic;
import java.util.Map;

/**
 * Exact Shapley values by enumerating all {@code 2^M} coalitions: {@code φᵢ = Σ_{S ⊆ N∖{i}} |S|! (M−|S|−1)! / M! ·
 * (v(S ∪ {i}) − v(S))}. For small {@code M} only; the limit (default 16 features) guards against runaway cost.
 */
public final class ShapleyExact implements CoalitionMethod {
    private final int maxFeatures;

    private ShapleyExact(int maxFeatures) {
        this.maxFeatures = maxFeatures;
    }

    /** Exact enumeration for up to 16 features. */
    public static ShapleyExact create() {
        return new ShapleyExact(16);
    }

    /** Exact enumeration for up to {@code maxFeatures} features (at most 30). */
    public static ShapleyExact withMaxFeatures(int maxFeatures) {
        if (maxFeatures < 1 || maxFeatures > 30) {
            throw new InvalidInputException("exact Shapley values enumerate 2^M coalitions: the feature limit must be"
                    + " between 1 and 30, was " + maxFeatures);
        }
        return new ShapleyExact(maxFeatures);
    }

    @Override
    public String name() {
        return "shapley-exact";
    }

    @Override
    public Map<String, Object> params() {
        return Map.of("maxFeatures", maxFeatures);
    }

    @Override
    public Estimate attribute(Game game) {
        int m = game.players();
        if (m > maxFeatures) {
            throw new InvalidInputException("exact Shapley values need 2^" + m + " model evaluations for " + m
                    + " features, over the limit of " + maxFeatures + ": group the features more coarsely, or use"
                    + " shapley-sampling or kernel-shap");
        }
        int count = 1 << m;
        double[] v = game.values(count, bits -> Coalitions.ofBits(m, bits));
        double[] weight = new double[m];
        for (int s = 0; s < m; s++) {
            weight[s] = 1.0 / (m * ShapleyKernelSampler.binomial(m - 1, s));
        }
        double[] phi = new double[m];
        for (int bits = 0; bits < count; bits++) {
            int size = Integer.bitCount(bits);
            for (int i = 0; i < m; i++) {
                if ((bits >>> i & 1) == 0) {
                    phi[i] += weight[size] * (v[bits | 1 << i] - v[bits]);
                }
            }
        }
        double sum = 0;
        for (double p : phi) {
            sum += p;
        }
        double full = v[count - 1];
        return Estimate.of(phi, Map.of(Diagnostic.EXPECTED_VALUE.key(), v[0], Diagnostic.MODEL_PREDICTION.key(), full,
                Diagnostic.ADDITIVITY_ERROR.key(), Math.abs(sum - (full - v[0])), "coalitions", (double) count));
    }
}
