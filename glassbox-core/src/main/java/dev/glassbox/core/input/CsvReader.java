package dev.glassbox.core.input;

import dev.glassbox.core.InvalidInputException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads UTF-8 CSV files with a header row and numeric data rows, for tabular models. Every value must be a finite
 * decimal number; one column may be set aside as a label column, whose text is kept as it is. A first line made only of
 * numbers is data, not a header: reading such a file as having a header is refused ({@link NumericHeaderException})
 * rather than losing that row; {@link #readWithoutHeader} takes it as data and names the columns {@code c0, c1, …}.
 */
public final class CsvReader {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NOT_FINITE = Pattern.compile("[+-]?(nan|inf|infinity)");

    private CsvReader() {
    }

    /**
     * Thrown when a CSV read as having a header starts with a line of numbers only: it is almost surely a file without
     * a header, whose first data row would be lost as column names.
     */
    public static final class NumericHeaderException extends InvalidInputException {
        private static final long serialVersionUID = 1L;

        NumericHeaderException(String message) {
            super(message);
        }
    }

    /** Reads every column as a feature. Throws {@link InvalidInputException} naming the file, row and column of a problem. */
    public static TabularData read(Path file) {
        return parse(file, null, true).features();
    }

    /** Reads a CSV without a header: every line is data, and the columns are named {@code c0, c1, …}. */
    public static TabularData readWithoutHeader(Path file) {
        return parse(file, null, false).features();
    }

    /** {@link #read} when {@code header} is true, else {@link #readWithoutHeader}. */
    public static TabularData read(Path file, boolean header) {
        return parse(file, null, header).features();
    }

    /**
     * Reads every column but {@code labelColumn} as a feature and keeps the text of {@code labelColumn} as labels.
     * Throws {@link InvalidInputException} when there is no such column or it is the only one.
     */
    public static LabelledTable readLabelled(Path file, String labelColumn) {
        Parsed parsed = parse(file, Objects.requireNonNull(labelColumn, "labelColumn"), true);
        return new LabelledTable(parsed.features(), labelColumn, parsed.labels());
    }

    /** Features and, when a label column is set, its text. */
    private record Parsed(TabularData features, List<String> labels) {
    }

    private static Parsed parse(Path file, String labelColumn, boolean hasHeader) {
        String name = InputPaths.name(file);
        List<List<String>> records = new ArrayList<>(CsvParser.parse(text(file), name));
        if (records.isEmpty()) {
            throw new InvalidInputException("CSV " + name + " is empty: expected " + (hasHeader ? "a header row and " : "")
                    + "at least one data row");
        }
        if (!hasHeader) {
            List<String> names = new ArrayList<>();
            for (int c = 0; c < records.get(0).size(); c++) {
                names.add("c" + c);
            }
            records.add(0, names);
        } else if (records.get(0).stream().allMatch(cell -> NUMBER.matcher(cell.strip()).matches())) {
            String line = String.join(",", records.get(0));
            throw new NumericHeaderException("CSV " + name + " has no header: its first line ("
                    + (line.length() > 60 ? line.substring(0, 57) + "..." : line) + ") is all numbers, which would be "
                    + "taken as column names and lost as data");
        }
        List<String> header = records.get(0);
        requireUniqueNames(header, name);
        if (records.size() == 1) {
            throw new InvalidInputException("CSV " + name + " has a header but no data rows: expected at least one data row");
        }
        int labelIndex = labelIndex(header, labelColumn, name);
        List<String> columns = new ArrayList<>(header);
        if (labelIndex >= 0) {
            columns.remove(labelIndex);
        }
        float[][] rows = new float[records.size() - 1][];
        List<String> labels = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> cells = records.get(r);
            if (cells.size() != header.size()) {
                throw new InvalidInputException("CSV " + name + " row " + r + " has " + cells.size()
                        + " values but the header has " + header.size() + " columns");
            }
            float[] row = new float[columns.size()];
            int k = 0;
            for (int c = 0; c < cells.size(); c++) {
                if (c == labelIndex) {
                    labels.add(cells.get(c));
                } else {
                    row[k++] = number(cells.get(c), name, r, header, c);
                }
            }
            rows[r - 1] = row;
        }
        return new Parsed(new TabularData(columns, rows), labels);
    }

    private static String text(Path file) {
        InputPaths.requireFile(file);
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("CSV " + InputPaths.name(file) + " is not UTF-8 text: expected a text CSV file", e);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read CSV " + InputPaths.name(file) + ": " + e.getMessage(), e);
        }
    }

    private static void requireUniqueNames(List<String> header, String name) {
        Set<String> seen = new HashSet<>();
        for (String column : header) {
            if (!column.isEmpty() && !seen.add(column)) {
                throw new InvalidInputException("CSV " + name + " has two columns named '" + column
                        + "': expected unique column names");
            }
        }
    }

    private static int labelIndex(List<String> header, String labelColumn, String name) {
        if (labelColumn == null) {
            return -1;
        }
        int index = header.indexOf(labelColumn);
        if (index < 0) {
            throw new InvalidInputException("CSV " + name + " has no column '" + labelColumn + "': its columns are "
                    + String.join(", ", header));
        }
        if (header.size() == 1) {
            throw new InvalidInputException("CSV " + name + " has only the label column '" + labelColumn
                    + "': expected at least one feature column");
        }
        return index;
    }

    private static float number(String cell, String name, int row, List<String> header, int column) {
        String where = "CSV " + name + " row " + row + " column " + columnName(header, column);
        if (cell.isEmpty()) {
            throw new InvalidInputException(where + " is empty: expected a number");
        }
        if (NOT_FINITE.matcher(cell.toLowerCase(Locale.ROOT)).matches()) {
            throw new InvalidInputException(where + " holds " + cell + ": inputs must be finite numbers");
        }
        if (!NUMBER.matcher(cell).matches()) {
            throw new InvalidInputException(where + " holds '" + cell + "', which is not a number");
        }
        float value = Float.parseFloat(cell);
        if (!Float.isFinite(value)) {
            throw new InvalidInputException(where + " holds " + cell + ", which is too large for a 32-bit float");
        }
        return value;
    }

    /** {@code 'name'}, or the 1-based column number when the header cell is blank. */
    private static String columnName(List<String> header, int column) {
        String columnName = header.get(column);
        return columnName.isEmpty() ? String.valueOf(column + 1) : "'" + columnName + "'";
    }
}
