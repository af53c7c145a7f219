package dev.glassbox.core;

import java.util.Arrays;

/**
 * Times a method against its baseline for benchmarks that print ratios: the two run in turns (method, baseline,
 * method, …) so that a slow spell of the machine falls on both, and each one's median wall time is reported.
 */
public final class InterleavedTiming {
    private InterleavedTiming() {
    }

    /**
     * The median milliseconds of {@code method} and of {@code baseline} over {@code repeats} turns each, after one
     * untimed run of each when {@code warm}.
     *
     * @return {@code {method, baseline}}
     */
    public static double[] medians(Runnable method, Runnable baseline, int repeats, boolean warm) {
        if (repeats < 1) {
            throw new IllegalArgumentException("at least one timed run is needed, not " + repeats);
        }
        if (warm) {
            method.run();
            baseline.run();
        }
        double[][] times = new double[2][repeats];
        for (int r = 0; r < repeats; r++) {
            times[0][r] = millis(method);
            times[1][r] = millis(baseline);
        }
        return new double[] {median(times[0]), median(times[1])};
    }

    /** The median of {@code values} (the mean of the middle two for an even count). */
    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double millis(Runnable run) {
        long start = System.nanoTime();
        run.run();
        return (System.nanoTime() - start) / 1e6;
    }
}
