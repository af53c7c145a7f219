package dev.glassbox.core.design;

import java.util.SplittableRandom;

/** How {@link BayesianOptimizer} chooses its first points, before any model is fitted; all are seeded. */
public enum InitialDesign {
    /**
     * A Latin hypercube (McKay, Beckman and Conover 1979): each dimension cut into n equal strata, one point in each,
     * strata paired across dimensions by independent random permutations, positions uniform within their stratum.
     */
    LATIN_HYPERCUBE("lhs"),
    /**
     * The first n points of the Sobol sequence with a seeded random digital shift ({@link SobolSequence}): a
     * low-discrepancy design, best balanced when n is a power of two; up to 21 dimensions.
     */
    SOBOL("sobol"),
    /** Independent uniform points. */
    RANDOM("random");

    private final String id;

    InitialDesign(String id) {
        this.id = id;
    }

    /** The name used in JSON and on the command line. */
    public String id() {
        return id;
    }

    /** The design with this {@link #id()}. */
    public static InitialDesign of(String id) {
        for (InitialDesign design : values()) {
            if (design.id.equals(id)) {
                return design;
            }
        }
        throw new dev.glassbox.core.InvalidInputException("unknown initial design '" + id + "': expected lhs, sobol or random");
    }

    /** {@code n} points in the unit box {@code [0, 1]^d}, drawn from {@code random}. */
    public double[][] unitPoints(int n, int d, SplittableRandom random) {
        double[][] points = new double[n][d];
        if (this == SOBOL) {
            return SobolSequence.shiftedPoints(n, d, random);
        }
        if (this == RANDOM) {
            for (double[] p : points) {
                for (int j = 0; j < d; j++) {
                    p[j] = random.nextDouble();
                }
            }
            return points;
        }
        for (int j = 0; j < d; j++) {
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int k = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[k];
                order[k] = t;
            }
            for (int i = 0; i < n; i++) {
                points[i][j] = (order[i] + random.nextDouble()) / n;
            }
        }
        return points;
    }
}
