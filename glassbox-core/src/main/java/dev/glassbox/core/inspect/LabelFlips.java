package dev.glassbox.core.inspect;

import dev.glassbox.core.InvalidInputException;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * A mislabelling experiment: a share of training labels replaced by another class drawn at random (seeded), and how
 * many of the flipped examples a ranking finds when one checks its top entries — the test of Koh &amp; Liang §5.4.
 *
 * @param labels the labels after flipping
 * @param flipped whether each example's label was flipped
 */
public record LabelFlips(int[] labels, boolean[] flipped) {

    /** Flips {@code round(fraction · n)} labels chosen at random, each to a different class drawn uniformly. */
    public static LabelFlips flip(int[] labels, int classes, double fraction, long seed) {
        if (!(fraction > 0 && fraction < 1) || classes < 2) {
            throw new InvalidInputException("flipping needs a fraction strictly between 0 and 1 and at least 2 classes; "
                    + "got " + fraction + " and " + classes);
        }
        Random random = new Random(seed);
        int n = labels.length;
        int[] order = shuffled(n, random);
        int count = (int) Math.round(fraction * n);
        int[] out = labels.clone();
        boolean[] flipped = new boolean[n];
        for (int k = 0; k < count; k++) {
            int i = order[k];
            out[i] = (labels[i] + 1 + random.nextInt(classes - 1)) % classes;
            flipped[i] = true;
        }
        return new LabelFlips(out, flipped);
    }

    /** The share of flipped examples among the top {@code checkedFraction} of examples by {@code suspicion}. */
    public double shareFound(double[] suspicion, double checkedFraction) {
        Integer[] order = new Integer[suspicion.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(suspicion[b], suspicion[a]));
        int checked = (int) Math.round(checkedFraction * suspicion.length);
        int found = 0;
        int total = 0;
        for (int k = 0; k < suspicion.length; k++) {
            if (flipped[order[k]]) {
                total++;
                found += k < checked ? 1 : 0;
            }
        }
        return total == 0 ? 0 : (double) found / total;
    }

    /** A random ranking (seeded): the baseline a useful one must beat. */
    public static double[] randomSuspicion(int n, long seed) {
        int[] order = shuffled(n, new Random(seed));
        double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            out[order[k]] = n - k;
        }
        return out;
    }

    private static int[] shuffled(int n, Random random) {
        List<Integer> order = new ArrayList<>(IntStream.range(0, n).boxed().toList());
        Collections.shuffle(order, random);
        return order.stream().mapToInt(Integer::intValue).toArray();
    }
}
