package dev.glassbox.core.uncertainty;

import dev.glassbox.core.InvalidInputException;
import java.util.function.IntUnaryOperator;

/** Validation of the arrays this package accepts; each check names what was wrong and what is expected. */
final class Checks {
    /** How far a row of probabilities may sum from 1 (float32 softmax outputs are well within it). */
    static final double SUM_TOLERANCE = 1e-4;

    private Checks() {
    }

    /** Checks an {@code N × K} matrix of class probabilities and returns K. */
    static int probabilities(double[][] probabilities) {
        int classes = columns(probabilities.length, i -> probabilities[i].length, "probabilities");
        for (int i = 0; i < probabilities.length; i++) {
            double sum = 0;
            for (int k = 0; k < classes; k++) {
                double p = probabilities[i][k];
                if (!(p >= 0 && p <= 1)) {
                    throw new InvalidInputException("probabilities row " + i + " has " + p + " at class " + k
                            + ", expected a probability in [0, 1]");
                }
                sum += p;
            }
            if (Math.abs(sum - 1) > SUM_TOLERANCE) {
                throw new InvalidInputException("probabilities row " + i + " sums to " + sum + ", expected 1 (± "
                        + SUM_TOLERANCE + "); turn logits into probabilities with Probabilities.softmax");
            }
        }
        return classes;
    }

    /** Checks an {@code N × K} matrix of finite logits and returns K. */
    static int logits(float[][] logits) {
        int classes = columns(logits.length, i -> logits[i].length, "logits");
        for (int i = 0; i < logits.length; i++) {
            for (int k = 0; k < classes; k++) {
                if (!Float.isFinite(logits[i][k])) {
                    throw new InvalidInputException("logits row " + i + " has " + logits[i][k] + " at class " + k
                            + ", expected a finite number");
                }
            }
        }
        return classes;
    }

    /** Checks one label per row, each a class index below {@code classes}. */
    static void labels(int[] labels, int rows, int classes) {
        if (labels.length != rows) {
            throw new InvalidInputException("expected one label per row: " + rows + " rows but " + labels.length
                    + " labels");
        }
        for (int i = 0; i < rows; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new InvalidInputException("label " + i + " is " + labels[i] + ", expected a class index in [0, "
                        + (classes - 1) + "]");
            }
        }
    }

    /** Checks a non-empty vector of finite values, named {@code what} in messages. */
    static void finite(double[] values, String what) {
        if (values.length == 0) {
            throw new InvalidInputException(what + " are empty, expected at least one value");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new InvalidInputException(what + " have " + values[i] + " at index " + i
                        + ", expected finite numbers");
            }
        }
    }

    /** Checks that two per-sample arrays have the same length. */
    static void sameLength(int first, int second, String what) {
        if (first != second) {
            throw new InvalidInputException(what + " differ in length: " + first + " and " + second);
        }
    }

    private static int columns(int rows, IntUnaryOperator rowLength, String what) {
        if (rows == 0) {
            throw new InvalidInputException(what + " are empty, expected at least one row");
        }
        int classes = rowLength.applyAsInt(0);
        if (classes < 2) {
            throw new InvalidInputException(what + " row 0 has " + classes + " classes, expected at least 2");
        }
        for (int i = 1; i < rows; i++) {
            if (rowLength.applyAsInt(i) != classes) {
                throw new InvalidInputException(what + " row " + i + " has " + rowLength.applyAsInt(i)
                        + " classes but row 0 has " + classes + ", expected all rows of the same length");
            }
        }
        return classes;
    }
}
