package dev.glassbox.core.design;

import dev.glassbox.core.InvalidInputException;
import java.util.SplittableRandom;

/**
 * The Sobol low-discrepancy sequence (Sobol' 1967) in up to {@value #MAX_DIMENSIONS} dimensions, with Joe and Kuo's
 * (2008) primitive polynomials and initial direction numbers, in Gray-code order (Antonov and Saleev 1979): point
 * {@code i} is the XOR of the direction numbers of the bits set in {@code i ^ (i >> 1)}, so the unscrambled points are
 * SciPy's {@code qmc.Sobol(scramble=False)}. A seeded random digital shift (each dimension's 32 bits XORed with one
 * random word) randomises the points while keeping the net's balance: every power-of-two prefix still puts equally
 * many points in each elementary interval.
 */
final class SobolSequence {
    /** The dimensions the direction-number table covers. */
    static final int MAX_DIMENSIONS = 21;
    private static final int BITS = 32;
    /**
     * Joe and Kuo's table for dimensions 2 to 21: the degree s of the primitive polynomial, its inner coefficients a
     * (as bits), then the s initial direction numbers m_1 … m_s.
     */
    private static final int[][] TABLE = {
        {1, 0, 1}, {2, 1, 1, 3}, {3, 1, 1, 3, 1}, {3, 2, 1, 1, 1}, {4, 1, 1, 1, 3, 3}, {4, 4, 1, 3, 5, 13},
        {5, 2, 1, 1, 5, 5, 17}, {5, 4, 1, 1, 5, 5, 5}, {5, 7, 1, 1, 7, 11, 19}, {5, 11, 1, 1, 5, 1, 1},
        {5, 13, 1, 1, 1, 3, 11}, {5, 14, 1, 3, 5, 5, 31}, {6, 1, 1, 3, 3, 9, 7, 49}, {6, 13, 1, 1, 1, 15, 21, 21},
        {6, 16, 1, 3, 1, 13, 27, 49}, {6, 19, 1, 1, 1, 15, 7, 5}, {6, 22, 1, 3, 1, 15, 13, 25},
        {6, 25, 1, 1, 5, 5, 19, 61}, {7, 1, 1, 3, 7, 11, 23, 15, 103}, {7, 4, 1, 3, 7, 13, 13, 15, 69},
    };

    private SobolSequence() {
    }

    /** The first {@code n} unscrambled points in {@code d} dimensions (the first is the origin). */
    static double[][] points(int n, int d) {
        return points(n, d, new int[d]);
    }

    /** The first {@code n} points in {@code d} dimensions, digitally shifted by words drawn from {@code random}. */
    static double[][] shiftedPoints(int n, int d, SplittableRandom random) {
        int[] shift = new int[d];
        for (int j = 0; j < d; j++) {
            shift[j] = random.nextInt();
        }
        return points(n, d, shift);
    }

    private static double[][] points(int n, int d, int[] shift) {
        if (d < 1 || d > MAX_DIMENSIONS) {
            throw new InvalidInputException("a Sobol design covers 1 to " + MAX_DIMENSIONS + " dimensions, not " + d
                    + "; use a Latin hypercube for more");
        }
        if (n < 0) {
            throw new InvalidInputException("the number of Sobol points must be at least 0, was " + n);
        }
        double[][] points = new double[n][d];
        for (int j = 0; j < d; j++) {
            int[] directions = directions(j);
            for (int i = 0; i < n; i++) {
                int gray = i ^ (i >>> 1);
                int word = shift[j];
                for (int k = 0; gray != 0; k++, gray >>>= 1) {
                    if ((gray & 1) != 0) {
                        word ^= directions[k];
                    }
                }
                points[i][j] = Integer.toUnsignedLong(word) / 0x1p32;
            }
        }
        return points;
    }

    /** The direction numbers {@code v_k = m_k / 2^k} of dimension {@code j} (0-based) as 32-bit fractions. */
    private static int[] directions(int j) {
        long[] m = new long[BITS];
        if (j == 0) {
            java.util.Arrays.fill(m, 1);
        } else {
            int[] row = TABLE[j - 1];
            int s = row[0];
            int a = row[1];
            for (int k = 0; k < s; k++) {
                m[k] = row[2 + k];
            }
            for (int k = s; k < BITS; k++) {
                long value = m[k - s] ^ (m[k - s] << s);
                for (int q = 1; q < s; q++) {
                    if (((a >>> (s - 1 - q)) & 1) != 0) {
                        value ^= m[k - q] << q;
                    }
                }
                m[k] = value;
            }
        }
        int[] v = new int[BITS];
        for (int k = 0; k < BITS; k++) {
            v[k] = (int) (m[k] << (BITS - 1 - k));
        }
        return v;
    }
}
