package dev.glassbox.core.explain.perturb;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Kernel SHAP's coalitions and weights, chosen as the {@code shap} package's KernelExplainer chooses them. The Shapley
 * kernel gives each coalition size {@code s} (1 ≤ s ≤ M−1) the total weight {@code (M−1) / (s (M−s))}. Sizes are taken
 * from the outside in ({@code 1} with {@code M−1}, then {@code 2} with {@code M−2}, …): while the budget left covers every
 * coalition of a size (and of its complementary size) at its expected share, all of them are enumerated with their exact
 * weights. The budget left is then spent on random coalitions of the remaining sizes, drawn in proportion to the kernel,
 * each with its complement; a coalition drawn again adds to its weight. When the budget covers all {@code 2^M − 2}
 * coalitions the enumeration is complete and Kernel SHAP gives exact Shapley values.
 */
final class ShapleyKernelSampler {

    /**
     * The coalitions to evaluate and their regression weights.
     *
     * @param coalitions each a {@code boolean[M]}, neither empty nor full
     * @param weights one kernel weight per coalition
     * @param complete whether every coalition was enumerated
     */
    record Plan(List<boolean[]> coalitions, double[] weights, boolean complete) {
    }

    private ShapleyKernelSampler() {
    }

    /** At most {@code budget} coalitions of {@code m ≥ 2} players, random ones drawn from {@code random}. */
    static Plan plan(int m, int budget, SplittableRandom random) {
        long all = m < 31 ? (1L << m) - 2 : Long.MAX_VALUE;
        int samples = (int) Math.min(budget, all);
        int sizes = m / 2;
        int pairedSizes = (m - 1) / 2;
        double[] sizeWeight = new double[sizes];
        double total = 0;
        for (int s = 1; s <= sizes; s++) {
            sizeWeight[s - 1] = (m - 1.0) / (s * (m - s)) * (s <= pairedSizes ? 2 : 1);
            total += sizeWeight[s - 1];
        }
        for (int s = 0; s < sizes; s++) {
            sizeWeight[s] /= total;
        }

        Draws draws = new Draws(samples);
        double[] remaining = sizeWeight.clone();
        long left = samples;
        int fullSizes = 0;
        for (int s = 1; s <= sizes; s++) {
            double subsets = binomial(m, s) * (s <= pairedSizes ? 2 : 1);
            if (left * remaining[s - 1] / subsets < 1.0 - 1e-8) {
                break;
            }
            fullSizes++;
            left -= (long) subsets;
            if (remaining[s - 1] < 1.0) {
                double scale = 1 - remaining[s - 1];
                for (int k = 0; k < sizes; k++) {
                    remaining[k] /= scale;
                }
            }
            double w = sizeWeight[s - 1] / binomial(m, s) / (s <= pairedSizes ? 2 : 1);
            for (boolean[] c : combinations(m, s)) {
                draws.add(c, w);
                if (s <= pairedSizes) {
                    draws.add(complement(c), w);
                }
            }
        }
        boolean complete = fullSizes == sizes;
        if (!complete && left > 0) {
            sampleRemaining(m, fullSizes, pairedSizes, sizeWeight, (int) left, random, draws);
        }
        return new Plan(draws.coalitions, Arrays.copyOf(draws.weights, draws.coalitions.size()), complete);
    }

    /**
     * Random coalitions of the sizes not enumerated; their weights are rescaled to those sizes' share. A coalition drawn
     * again adds 1 to its weight and to its complement's.
     */
    private static void sampleRemaining(int m, int fullSizes, int pairedSizes, double[] sizeWeight, int budget,
            SplittableRandom random, Draws draws) {
        int first = draws.coalitions.size();
        double[] draw = new double[sizeWeight.length - fullSizes];
        double total = 0;
        for (int k = 0; k < draw.length; k++) {
            int s = fullSizes + k + 1;
            draw[k] = sizeWeight[s - 1] / (s <= pairedSizes ? 2 : 1);
            total += draw[k];
        }
        Map<Members, Integer> seen = new HashMap<>();
        int[] partner = new int[budget];
        int left = budget;
        for (int attempt = 0; attempt < 4 * budget && left > 0; attempt++) {
            int s = fullSizes + 1 + pick(draw, total, random);
            boolean[] c = randomSubset(m, s, random);
            boolean paired = s <= pairedSizes;
            Members key = new Members(c);
            Integer known = seen.get(key);
            if (known != null) {
                draws.weights[known]++;
                if (paired) {
                    draws.weights[partner[known - first]]++;
                }
                continue;
            }
            int index = draws.coalitions.size();
            seen.put(key, index);
            draws.add(c, 1);
            left--;
            if (paired && left > 0) {
                boolean[] other = complement(c);
                seen.put(new Members(other), index + 1);
                draws.add(other, 1);
                partner[index - first] = index + 1;
                partner[index + 1 - first] = index;
                left--;
            }
        }
        double share = 0;
        for (int s = fullSizes + 1; s <= sizeWeight.length; s++) {
            share += sizeWeight[s - 1];
        }
        int end = draws.coalitions.size();
        double sampled = 0;
        for (int i = first; i < end; i++) {
            sampled += draws.weights[i];
        }
        for (int i = first; i < end; i++) {
            draws.weights[i] = draws.weights[i] * share / sampled;
        }
    }

    /** The coalitions chosen so far and their weights. */
    private static final class Draws {
        final List<boolean[]> coalitions;
        double[] weights;

        Draws(int expected) {
            coalitions = new ArrayList<>(expected);
            weights = new double[expected];
        }

        void add(boolean[] coalition, double weight) {
            if (coalitions.size() == weights.length) {
                weights = Arrays.copyOf(weights, 2 * weights.length + 1);
            }
            weights[coalitions.size()] = weight;
            coalitions.add(coalition);
        }
    }

    private static int pick(double[] weights, double total, SplittableRandom random) {
        double u = random.nextDouble() * total;
        for (int k = 0; k < weights.length; k++) {
            u -= weights[k];
            if (u < 0) {
                return k;
            }
        }
        return weights.length - 1;
    }

    private static boolean[] randomSubset(int m, int size, SplittableRandom random) {
        boolean[] c = new boolean[m];
        for (int j : Coalitions.randomOrder(m, size, random)) {
            c[j] = true;
        }
        return c;
    }

    /** All coalitions of exactly {@code size} of {@code m} players, in lexicographic order of their members. */
    private static List<boolean[]> combinations(int m, int size) {
        List<boolean[]> out = new ArrayList<>();
        int[] idx = new int[size];
        Arrays.setAll(idx, k -> k);
        while (true) {
            boolean[] c = new boolean[m];
            for (int i : idx) {
                c[i] = true;
            }
            out.add(c);
            int k = size - 1;
            while (k >= 0 && idx[k] == m - size + k) {
                k--;
            }
            if (k < 0) {
                return out;
            }
            idx[k]++;
            for (int j = k + 1; j < size; j++) {
                idx[j] = idx[j - 1] + 1;
            }
        }
    }

    private static boolean[] complement(boolean[] c) {
        boolean[] out = new boolean[c.length];
        for (int i = 0; i < c.length; i++) {
            out[i] = !c[i];
        }
        return out;
    }

    /** A coalition as a map key: equal when the same players are present (the array is never changed). */
    private record Members(boolean[] present) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Members that && Arrays.equals(present, that.present);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(present);
        }
    }

    static double binomial(int n, int k) {
        double out = 1;
        for (int i = 1; i <= k; i++) {
            out = out * (n - k + i) / i;
        }
        return out;
    }
}
