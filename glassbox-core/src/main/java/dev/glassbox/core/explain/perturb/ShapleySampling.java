package dev.glassbox.core.explain.perturb;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.explain.Diagnostic;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Shapley values estimated from random feature orders (Castro et al., 2009; Captum's {@code ShapleyValueSampling}),
 * with antithetic pairs: each random order is used together with its reverse. Along an order, features are added to
 * the empty coalition one at a time and each is credited with the change in value. A feature's estimate is the mean
 * over pairs of its pair-averaged contribution, and its standard error the standard deviation of those over
 * {@code √pairs}. Every order telescopes to {@code v(all) − v(∅)}, so efficiency holds exactly. The orders are drawn
 * from the seed before anything is evaluated.
 */
public final class ShapleySampling implements CoalitionMethod {
    private final int pairs;
    private final long seed;

    private ShapleySampling(Builder b) {
        this.pairs = b.pairs;
        this.seed = b.seed;
    }

    /** A builder: 25 antithetic pairs (50 orders), seed 0. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return "shapley-sampling";
    }

    @Override
    public Map<String, Object> params() {
        return Map.of("permutations", 2 * pairs, "seed", seed);
    }

    @Override
    public Estimate attribute(Game game) {
        int m = game.players();
        int[][] orders = drawOrders(m);
        int inner = m - 1;
        double[] v = game.values(2 + orders.length * inner, i -> {
            if (i < 2) {
                return Coalitions.uniform(m, i == 1);
            }
            int k = i - 2;
            return Coalitions.prefix(orders[k / inner], k % inner + 1);
        });
        double[][] perPair = new double[pairs][m];
        for (int p = 0; p < orders.length; p++) {
            double previous = v[0];
            for (int j = 0; j < m; j++) {
                double next = j == m - 1 ? v[1] : v[2 + p * inner + j];
                perPair[p / 2][orders[p][j]] += (next - previous) / 2;
                previous = next;
            }
        }
        double[] phi = new double[m];
        double[] error = new double[m];
        double maxError = 0;
        for (int i = 0; i < m; i++) {
            double mean = 0;
            for (double[] pair : perPair) {
                mean += pair[i] / pairs;
            }
            double squares = 0;
            for (double[] pair : perPair) {
                squares += (pair[i] - mean) * (pair[i] - mean);
            }
            phi[i] = mean;
            error[i] = Math.sqrt(squares / (pairs - 1) / pairs);
            maxError = Math.max(maxError, error[i]);
        }
        double sum = 0;
        for (double p : phi) {
            sum += p;
        }
        return new Estimate(phi, error, Map.of(Diagnostic.EXPECTED_VALUE.key(), v[0], Diagnostic.MODEL_PREDICTION.key(), v[1],
                Diagnostic.ADDITIVITY_ERROR.key(), Math.abs(sum - (v[1] - v[0])), "maxStandardError", maxError,
                "coalitions", (double) v.length));
    }

    /** {@code 2·pairs} orders: a random one, then its reverse, and so on. */
    private int[][] drawOrders(int m) {
        SplittableRandom random = new SplittableRandom(seed);
        int[][] orders = new int[2 * pairs][];
        for (int p = 0; p < pairs; p++) {
            int[] order = Coalitions.randomOrder(m, m, random);
            int[] reverse = new int[m];
            for (int j = 0; j < m; j++) {
                reverse[j] = order[m - 1 - j];
            }
            orders[2 * p] = order;
            orders[2 * p + 1] = reverse;
        }
        return orders;
    }

    /** Settings for {@link ShapleySampling}. */
    public static final class Builder {
        private int pairs = 25;
        private long seed;

        private Builder() {
        }

        /**
         * The number of feature orders, at least 4; an odd number is rounded up, since orders come in antithetic pairs
         * (the applied number is recorded in the attribution).
         */
        public Builder permutations(int permutations) {
            if (permutations < 4) {
                throw new InvalidInputException("Shapley sampling needs at least 4 permutations (2 antithetic pairs) to"
                        + " estimate standard errors, was " + permutations);
            }
            this.pairs = (permutations + 1) / 2;
            return this;
        }

        /** The seed of the random orders. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public ShapleySampling build() {
            return new ShapleySampling(this);
        }
    }
}
