package dev.glassbox.spark.table;

import dev.glassbox.core.InvalidInputException;

/**
 * Reads one feature value from a table cell: a number (doubles rounded to the nearest float once) or a decimal text
 * ({@link Float#parseFloat}, correctly rounded, as a CSV reader without type inference gives), so that a CSV read with
 * or without Spark yields the same bits.
 */
public final class CellValues {
    private CellValues() {
    }

    /** The value of {@code cell} in {@code column}; a missing or unreadable cell throws, naming the column. */
    public static float value(Object cell, String column) {
        if (cell == null) {
            throw new InvalidInputException("column " + column + " is missing: expected a number");
        }
        if (cell instanceof Number number) {
            return number instanceof Float f ? f : (float) number.doubleValue();
        }
        String text = cell.toString().trim();
        if (text.isEmpty()) {
            throw new InvalidInputException("column " + column + " is empty: expected a number");
        }
        try {
            return Float.parseFloat(text);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("column " + column + " holds '" + text + "': expected a number");
        }
    }
}
