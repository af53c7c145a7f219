package dev.glassbox.core.explain.perturb;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Building coalitions (present-feature masks) for the methods in this package. */
final class Coalitions {
    private Coalitions() {
    }

    /** All {@code players} present, or none. */
    static boolean[] uniform(int players, boolean present) {
        boolean[] c = new boolean[players];
        Arrays.fill(c, present);
        return c;
    }

    /** All present except {@code absent}. */
    static boolean[] allBut(int players, int absent) {
        boolean[] c = uniform(players, true);
        c[absent] = false;
        return c;
    }

    /** The coalition whose members are the set bits of {@code bits}. */
    static boolean[] ofBits(int players, long bits) {
        boolean[] c = new boolean[players];
        for (int i = 0; i < players; i++) {
            c[i] = (bits >>> i & 1L) != 0;
        }
        return c;
    }

    /** The first {@code length} players of {@code order}. */
    static boolean[] prefix(int[] order, int length) {
        boolean[] c = new boolean[order.length];
        for (int i = 0; i < length; i++) {
            c[order[i]] = true;
        }
        return c;
    }

    /** The first {@code k} players of a uniformly random order of {@code m} (a partial Fisher–Yates shuffle). */
    static int[] randomOrder(int m, int k, SplittableRandom random) {
        int[] order = new int[m];
        Arrays.setAll(order, j -> j);
        for (int i = 0; i < k; i++) {
            int pick = i + random.nextInt(m - i);
            int chosen = order[pick];
            order[pick] = order[i];
            order[i] = chosen;
        }
        return Arrays.copyOf(order, k);
    }

    /** How many players are present. */
    static int size(boolean[] coalition) {
        int n = 0;
        for (boolean b : coalition) {
            if (b) {
                n++;
            }
        }
        return n;
    }
}
