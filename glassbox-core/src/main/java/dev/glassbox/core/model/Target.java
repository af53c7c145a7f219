package dev.glassbox.core.model;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.math.Vectors;

/**
 * Which output of a model to explain or report: the predicted class, or a fixed class index. Resolving a target
 * against a row of scores checks that it exists.
 */
public sealed interface Target {

    /** The class with the highest score for each sample. */
    Target PREDICTED = new Predicted();

    /** The index of the output this target names for one row of scores. */
    int resolve(float[] scores);

    /** A fixed class index. */
    static Target index(int index) {
        return new ClassIndex(index);
    }

    /** Parses {@code pred} or a class index. */
    static Target parse(String text) {
        String t = text.trim();
        if (t.equalsIgnoreCase("pred") || t.equalsIgnoreCase("predicted")) {
            return PREDICTED;
        }
        try {
            return index(Integer.parseInt(t));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("cannot read target '" + text + "': expected 'pred' or a class index");
        }
    }

    /** The class with the highest score. */
    record Predicted() implements Target {
        @Override
        public int resolve(float[] scores) {
            return Vectors.argmax(scores);
        }

        @Override
        public String toString() {
            return "pred";
        }
    }

    /** A fixed class index, checked against the number of outputs. */
    record ClassIndex(int index) implements Target {
        @Override
        public int resolve(float[] scores) {
            if (index < 0 || index >= scores.length) {
                throw new InvalidInputException("target class " + index + " is out of range: the model has "
                        + scores.length + " outputs (0.." + (scores.length - 1) + ")");
            }
            return index;
        }

        @Override
        public String toString() {
            return Integer.toString(index);
        }
    }
}
