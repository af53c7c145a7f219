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
        if (scores.length != labels.length || scores.length == 0) {
            throw new InvalidInputException("accuracy needs one label per row of scores and at least one row, got "
                    + scores.length + " rows and " + labels.length + " labels");
        }
        int correct = 0;
        for (int i = 0; i < scores.length; i++) {
            if (Vectors.argmax(scores[i]) == labels[i]) {
                correct++;
            }
        }
        return correct / (double) scores.length;
    }

    /** A model's accuracy on samples given as rows (the model streams them in its own chunks). */
    public static double accuracy(Model model, float[][] samples, int[] labels) {
        return accuracy(model.predict(samples), labels);
    }
}
