package dev.glassbox.djl.explain.mask;

import dev.glassbox.core.InvalidInputException;

/** Checks of the mask methods' settings, each failing with a one-line message. */
final class MaskSettings {
    private MaskSettings() {
    }

    /** {@code value} if it is at least 1. */
    static int positive(int value, String what) {
        if (value < 1) {
            throw new InvalidInputException(what + " must be at least 1, got " + value);
        }
        return value;
    }

    /** {@code value} if it is a finite positive number. */
    static double positive(double value, String what) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new InvalidInputException(what + " must be a positive number, got " + value);
        }
        return value;
    }
}
