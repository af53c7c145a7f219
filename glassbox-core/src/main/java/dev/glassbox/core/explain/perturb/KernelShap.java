package dev.glassbox.core.explain.perturb;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.explain.Diagnostic;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Kernel SHAP (Lundberg and Lee, 2017) with the {@code shap} package's semantics: features whose masking changes nothing
 * get 0; for the others, coalitions are chosen by {@link ShapleyKernelSampler} (every coalition when {@code 2^M − 2} fit
 * the sample budget, else complete small and large sizes plus paired random coalitions), and the Shapley values are the
 * coefficients of a regression weighted by the Shapley kernel ({@link WeightedRidge}, LIME's solver) with the intercept
 * fixed to {@code v(∅)} — the expected output over the background — and the coefficients constrained to sum to {@code
 * v(all) − v(∅)}, so efficiency holds by construction. The remaining additivity error (rounding) is reported.
 */
public final class KernelShap implements CoalitionMethod {
    private final int samples;
    private final long seed;

    private KernelShap(Builder b) {
        this.samples = b.samples;
        this.seed = b.seed;
    }

    /** A builder: the {@code shap} package's automatic budget of {@code 2M + 2048} coalitions, seed 0. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return "kernel-shap";
    }

    @Override
    public Map<String, Object> params() {
        return Map.of("samples", samples == 0 ? "auto" : samples, "seed", seed);
    }

    @Override
    public Estimate attribute(Game game) {
        int players = game.players();
        boolean[] nulls = game.nullPlayers();
        int[] varying = IntStream.range(0, players).filter(i -> !nulls[i]).toArray();
        int m = varying.length;
        ShapleyKernelSampler.Plan plan = m > 1
                ? ShapleyKernelSampler.plan(m, samples == 0 ? 2 * m + 2048 : samples, new SplittableRandom(seed))
                : new ShapleyKernelSampler.Plan(List.of(), new double[0], true);
        List<boolean[]> coalitions = plan.coalitions();
        // One pass through the model: the empty and the full coalition, then the sampled ones.
        boolean[][] evaluated = new boolean[coalitions.size() + 2][];
        evaluated[0] = Coalitions.uniform(players, false);
        evaluated[1] = Coalitions.uniform(players, true);
        for (int i = 0; i < coalitions.size(); i++) {
            evaluated[i + 2] = lift(coalitions.get(i), varying, players);
        }
        double[] values = game.values(evaluated);
        double empty = values[0];
        double full = values[1];
        double[] phi = new double[players];
        if (m == 1) {
            phi[varying[0]] = full - empty;
        } else if (m > 1) {
            double[][] z = new double[coalitions.size()][m];
            for (int i = 0; i < z.length; i++) {
                for (int j = 0; j < m; j++) {
                    z[i][j] = coalitions.get(i)[j] ? 1 : 0;
                }
            }
            double[] y = Arrays.copyOfRange(values, 2, values.length);
            double[] beta = WeightedRidge.fitWithSum(z, y, plan.weights(), empty, full - empty).coefficients();
            for (int j = 0; j < m; j++) {
                phi[varying[j]] = beta[j];
            }
        }
        double sum = 0;
        for (double p : phi) {
            sum += p;
        }
        return Estimate.of(phi, Map.of(Diagnostic.EXPECTED_VALUE.key(), empty, Diagnostic.MODEL_PREDICTION.key(), full,
                Diagnostic.ADDITIVITY_ERROR.key(), Math.abs(sum - (full - empty)), "coalitions", (double) evaluated.length,
                "exact", plan.complete() ? 1.0 : 0.0, "nullFeatures", (double) (players - m)));
    }

    /** A coalition over the varying players as a coalition over all players (null players present). */
    private static boolean[] lift(boolean[] coalition, int[] varying, int players) {
        boolean[] out = Coalitions.uniform(players, true);
        for (int j = 0; j < varying.length; j++) {
            out[varying[j]] = coalition[j];
        }
        return out;
    }

    /** Settings for {@link KernelShap}. */
    public static final class Builder {
        private int samples;
        private long seed;

        private Builder() {
        }

        /** The most coalitions evaluated besides the empty and the full one; 0 means {@code 2M + 2048}. */
        public Builder samples(int samples) {
            if (samples < 0) {
                throw new InvalidInputException("Kernel SHAP's sample budget must be positive (or 0 for automatic), was "
                        + samples);
            }
            this.samples = samples;
            return this;
        }

        /** The seed of the random coalitions. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public KernelShap build() {
            return new KernelShap(this);
        }
    }
}
