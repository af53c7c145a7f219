package dev.glassbox.core.uncertainty;

import dev.glassbox.core.math.Vectors;

/** Class probabilities from logits, and what is read off them row by row: confidence, prediction, entropy. */
public final class Probabilities {
    private Probabilities() {
    }

    /** The softmax of each row of logits, in double precision. */
    public static double[][] softmax(float[][] logits) {
        Checks.logits(logits);
        double[][] out = new double[logits.length][];
        for (int i = 0; i < logits.length; i++) {
            out[i] = Vectors.softmax(logits[i]);
        }
        return out;
    }

    /** Each row's top-label confidence: its largest probability. */
    public static double[] confidences(double[][] probabilities) {
        Checks.probabilities(probabilities);
        double[] out = new double[probabilities.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = probabilities[i][Vectors.argmax(probabilities[i])];
        }
        return out;
    }

    /** Each row's predicted class: the index of its largest probability (the first on ties). */
    public static int[] predictions(double[][] probabilities) {
        Checks.probabilities(probabilities);
        int[] out = new int[probabilities.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Vectors.argmax(probabilities[i]);
        }
        return out;
    }

    /** The entropy {@code −Σ p log p} of one distribution in nats, with {@code 0 log 0 = 0}. */
    public static double entropy(double[] distribution) {
        double entropy = 0;
        for (double p : distribution) {
            if (p > 0) {
                entropy -= p * Math.log(p);
            }
        }
        return entropy;
    }
}
