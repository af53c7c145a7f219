package dev.glassbox.core.explain.perturb;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.explain.Diagnostic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Sufficient input subsets (Carter et al., 2019): minimal sets of features that alone — every other feature masked —
 * keep the explained output at or above a threshold {@code τ}. BackSelect removes, one at a time, the feature whose
 * removal keeps the output highest; FindSIS then adds features back from the last removed until the output reaches
 * {@code τ}; the SIS collection repeats this with the subsets found so far masked, until the remaining features no
 * longer reach {@code τ}. The masking value is the explainer's baseline. Ties are broken by the lowest feature index,
 * so results are deterministic.
 *
 * <p>The attribution of a feature is the (1-based) number of the subset it belongs to, or 0; an input whose output is
 * below {@code τ} has no subset.
 */
public final class Sis implements CoalitionMethod {
    private final double threshold;

    private Sis(double threshold) {
        this.threshold = threshold;
    }

    /** The SIS collection for threshold {@code τ} on the explained output. */
    public static Sis withThreshold(double threshold) {
        if (!Double.isFinite(threshold)) {
            throw new InvalidInputException("the SIS threshold must be a finite number, was " + threshold);
        }
        return new Sis(threshold);
    }

    @Override
    public String name() {
        return "sis";
    }

    @Override
    public Map<String, Object> params() {
        return Map.of("threshold", threshold);
    }

    /** The disjoint sufficient subsets, in the order found; each lists its features in the order FindSIS added them. */
    public List<int[]> collection(Game game) {
        int m = game.players();
        boolean[] available = Coalitions.uniform(m, true);
        List<int[]> subsets = new ArrayList<>();
        while (Coalitions.size(available) > 0 && game.values(new boolean[][] {available})[0] >= threshold) {
            int[] removalOrder = backSelect(game, available);
            int[] subset = findSis(game, removalOrder);
            subsets.add(subset);
            for (int i : subset) {
                available[i] = false;
            }
        }
        return subsets;
    }

    @Override
    public Estimate attribute(Game game) {
        List<int[]> subsets = collection(game);
        double[] values = new double[game.players()];
        for (int k = 0; k < subsets.size(); k++) {
            for (int i : subsets.get(k)) {
                values[i] = k + 1;
            }
        }
        Map<String, Double> diagnostics = new HashMap<>();
        diagnostics.put("subsets", (double) subsets.size());
        diagnostics.put(Diagnostic.MODEL_PREDICTION.key(), game.values(new boolean[][] {Coalitions.uniform(game.players(), true)})[0]);
        if (!subsets.isEmpty()) {
            diagnostics.put("firstSubsetSize", (double) subsets.get(0).length);
        }
        return Estimate.of(values, diagnostics);
    }

    /** The order in which BackSelect removes the available features (the least needed first). */
    private static int[] backSelect(Game game, boolean[] available) {
        boolean[] kept = available.clone();
        int count = Coalitions.size(kept);
        int[] order = new int[count];
        for (int step = 0; step < count; step++) {
            int[] candidates = IntStream.range(0, kept.length).filter(i -> kept[i]).toArray();
            double[] v = game.values(candidates.length, k -> {
                boolean[] c = kept.clone();
                c[candidates[k]] = false;
                return c;
            });
            int best = 0;
            for (int k = 1; k < v.length; k++) {
                if (v[k] > v[best]) {
                    best = k;
                }
            }
            order[step] = candidates[best];
            kept[candidates[best]] = false;
        }
        return order;
    }

    /** The shortest run of features, taken from the end of the removal order, whose value reaches the threshold. */
    private int[] findSis(Game game, int[] removalOrder) {
        int n = removalOrder.length;
        int players = game.players();
        double[] v = game.values(n, k -> {
            boolean[] c = new boolean[players];
            for (int j = 0; j <= k; j++) {
                c[removalOrder[n - 1 - j]] = true;
            }
            return c;
        });
        int size = n;
        for (int k = 0; k < n; k++) {
            if (v[k] >= threshold) {
                size = k + 1;
                break;
            }
        }
        int[] subset = new int[size];
        for (int j = 0; j < size; j++) {
            subset[j] = removalOrder[n - 1 - j];
        }
        return subset;
    }
}
