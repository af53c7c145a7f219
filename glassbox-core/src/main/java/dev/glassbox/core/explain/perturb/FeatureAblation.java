package dev.glassbox.core.explain.perturb;

import dev.glassbox.core.explain.Diagnostic;
import java.util.Map;

/**
 * Feature ablation, as Captum defines it: each feature's attribution is {@code v(all) − v(all but that feature)}, the
 * drop in the output when the feature alone is masked. Over sliding windows this is occlusion ({@link Occlusion}); over
 * tokens it is text occlusion.
 */
public final class FeatureAblation implements CoalitionMethod {
    private final String name;

    private FeatureAblation(String name) {
        this.name = name;
    }

    /** Ablation of each feature group ({@code ablation}). */
    public static FeatureAblation ablation() {
        return new FeatureAblation("ablation");
    }

    /** The same computation reported as {@code occlusion} (windows, words). */
    public static FeatureAblation occlusion() {
        return new FeatureAblation("occlusion");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Map<String, Object> params() {
        return Map.of();
    }

    @Override
    public Estimate attribute(Game game) {
        int m = game.players();
        double[] v = game.values(m + 1, i -> i == 0 ? Coalitions.uniform(m, true) : Coalitions.allBut(m, i - 1));
        double[] out = new double[m];
        for (int i = 0; i < m; i++) {
            out[i] = v[0] - v[i + 1];
        }
        return Estimate.of(out, Map.of(Diagnostic.MODEL_PREDICTION.key(), v[0]));
    }
}
