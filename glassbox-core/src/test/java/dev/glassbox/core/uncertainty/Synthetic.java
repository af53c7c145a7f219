package dev.glassbox.core.uncertainty;

import dev.glassbox.core.math.Vectors;
import java.util.SplittableRandom;

/** Seeded synthetic predictors whose calibration is known by construction. */
final class Synthetic {
    private Synthetic() {
    }

    /** Probabilities and the labels drawn for them. */
    record Predictions(double[][] probabilities, int[] labels) {
    }

    /** Logits and the labels drawn for them. */
    record Logits(float[][] logits, int[] labels) {
    }

    /**
     * A predictor whose top-label confidence c is uniform on [0.5, 1) and is right with probability {@code c − gap}
     * (gap 0: perfectly calibrated, gap > 0: over-confident by exactly gap). The other classes share {@code 1 − c}
     * equally, and a wrong label is uniform over them.
     */
    static Predictions predictor(int n, int classes, double gap, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] probabilities = new double[n][classes];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            double confidence = 0.5 + 0.5 * random.nextDouble();
            int predicted = random.nextInt(classes);
            for (int k = 0; k < classes; k++) {
                probabilities[i][k] = k == predicted ? confidence : (1 - confidence) / (classes - 1);
            }
            if (random.nextDouble() < confidence - gap) {
                labels[i] = predicted;
            } else {
                labels[i] = (predicted + 1 + random.nextInt(classes - 1)) % classes;
            }
        }
        return new Predictions(probabilities, labels);
    }

    /** Gaussian logits {@code z ~ N(0, scale²)} with labels drawn from {@code softmax(z / temperature)}. */
    static Logits logits(int n, int classes, double scale, double temperature, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] logits = new float[n][classes];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            double[] scaled = new double[classes];
            for (int k = 0; k < classes; k++) {
                logits[i][k] = (float) (scale * gaussian(random));
                scaled[k] = logits[i][k] / temperature;
            }
            labels[i] = draw(Vectors.softmax(scaled), random);
        }
        return new Logits(logits, labels);
    }

    /** A class index drawn from a distribution. */
    static int draw(double[] distribution, SplittableRandom random) {
        double u = random.nextDouble();
        double cumulative = 0;
        for (int k = 0; k < distribution.length - 1; k++) {
            cumulative += distribution[k];
            if (u < cumulative) {
                return k;
            }
        }
        return distribution.length - 1;
    }

    /** A standard normal draw (Box–Muller). */
    static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
