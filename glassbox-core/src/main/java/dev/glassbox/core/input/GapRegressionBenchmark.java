package dev.glassbox.core.input;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A 1-D regression benchmark whose truth is known for both kinds of uncertainty: {@code y = f(x) + σ(x)·ε} with
 * {@code f(x) = sin(1.5x) + 0.25x}, noise {@code σ(x) = 0.1 + 0.3·(x/4)²} rising from 0.1 at the centre to 0.4 at
 * the edges, and ε standard normal; inputs are drawn uniformly from {@code [−4, −1] ∪ [1, 4]}, so no training point
 * falls in the gap {@code (−1, 1)}. A model's aleatoric standard deviation should track σ(x) where it saw data, and its
 * epistemic uncertainty should rise inside the gap.
 */
public final class GapRegressionBenchmark {
    /** The data set's name on the command line. */
    public static final String NAME = "gap";
    /** The edge of the input range. */
    public static final double EDGE = 4;
    /** The half-width of the gap around 0. */
    public static final double GAP = 1;

    private GapRegressionBenchmark() {
    }

    /** The noise-free function f(x). */
    public static double mean(double x) {
        return Math.sin(1.5 * x) + 0.25 * x;
    }

    /** The true noise standard deviation σ(x). */
    public static double noiseStd(double x) {
        double r = x / EDGE;
        return 0.1 + 0.3 * r * r;
    }

    /** Whether {@code x} lies inside the gap. */
    public static boolean inGap(double x) {
        return Math.abs(x) < GAP;
    }

    /** {@code n} noisy samples with inputs outside the gap, drawn from {@code seed}. */
    public static RegressionTable sample(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] x = new float[n][1];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double side = random.nextBoolean() ? 1 : -1;
            double v = side * (GAP + (EDGE - GAP) * random.nextDouble());
            x[i][0] = (float) v;
            y[i] = mean(x[i][0]) + noiseStd(x[i][0]) * random.nextGaussian();
        }
        return new RegressionTable(List.of("x"), x, y);
    }

    /** {@code n} evenly spaced inputs from −EDGE to EDGE, gap included, as rows of one value. */
    public static float[][] grid(int n) {
        float[][] x = new float[n][1];
        for (int i = 0; i < n; i++) {
            x[i][0] = (float) (-EDGE + 2 * EDGE * i / (n - 1.0));
        }
        return x;
    }
}
