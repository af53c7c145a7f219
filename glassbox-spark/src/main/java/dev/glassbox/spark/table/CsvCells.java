package dev.glassbox.spark.table;

import java.util.List;

/**
 * The CSV form of explained rows, written the same way with or without Spark: the key, one column per feature's
 * attribution ({@link Float#toString}, which reads back to the same float), and the error (empty when explained).
 */
public final class CsvCells {
    private CsvCells() {
    }

    /** The header line: {@code key}, the feature names, {@code error}. */
    public static String header(List<String> features) {
        StringBuilder line = new StringBuilder("key");
        for (String f : features) {
            line.append(',').append(quote(f));
        }
        return line.append(",error\n").toString();
    }

    /** One row's line; a failed row has empty attributions and its error. */
    public static String line(ExplainedRow row, int features) {
        StringBuilder line = new StringBuilder(quote(row.key()));
        for (int j = 0; j < features; j++) {
            line.append(',');
            if (row.ok()) {
                line.append(row.attribution()[j]);
            }
        }
        return line.append(',').append(row.ok() ? "" : quote(row.error())).append('\n').toString();
    }

    /** A field quoted when it holds a comma, a quote or a line break. */
    public static String quote(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
