package dev.glassbox.core.metrics;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.math.Vectors;
import dev.glassbox.core.model.Model;

/** Plain classification measures over scores and labels. */
public final class Classification {
    private Classification() {
    }

    /** The share of rows whose highest score is at the label's index. */
    public static double accuracy(float[][] scores, int[] labels) {
        requireLabels(scores, labels, "accuracy");
        int correct = 0;
        for (int i = 0; i < scores.length; i++) {
            if (Vectors.argmax(scores[i]) == labels[i]) {
                correct++;
            }
        }
        return correct / (double) scores.length;
    }

    /**
     * The F1 score of class {@code positive}: the harmonic mean of its precision and recall, {@code 2·TP / (2·TP + FP +
     * FN)}, where a row is predicted positive when its highest score is at {@code positive}; 0 when the class is neither
     * present nor predicted.
     */
    public static double f1(float[][] scores, int[] labels, int positive) {
        requireLabels(scores, labels, "F1");
        int truePositives = 0;
        int errors = 0;
        for (int i = 0; i < scores.length; i++) {
            boolean predicted = Vectors.argmax(scores[i]) == positive;
            boolean actual = labels[i] == positive;
            if (predicted && actual) {
                truePositives++;
            } else if (predicted || actual) {
                errors++;
            }
        }
        return truePositives == 0 ? 0 : 2.0 * truePositives / (2.0 * truePositives + errors);
    }

    /** A model's accuracy on samples given as rows (the model streams them in its own chunks). */
    public static double accuracy(Model model, float[][] samples, int[] labels) {
        return accuracy(model.predict(samples), labels);
    }

    private static void requireLabels(float[][] scores, int[] labels, String measure) {
        if (scores.length != labels.length || scores.length == 0) {
            throw new InvalidInputException(measure + " needs one label per row of scores and at least one row, got "
                    + scores.length + " rows and " + labels.length + " labels");
        }
    }
}
