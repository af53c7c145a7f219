package dev.glassbox.spark.table;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.input.CsvParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A table read on one machine: its column names and its rows of cells (numbers, text, or null when missing). A CSV
 * file (with a header row) keeps every cell as text, as Spark's CSV reader does without type inference; a short row's
 * missing cells are null, so the row is reported rather than the file refused.
 *
 * @param columns the column names
 * @param rows the cells of each row, in file order
 */
public record InputTable(List<String> columns, List<Object[]> rows) {

    /** Reads a {@code .csv} or {@code .parquet} file. */
    public static InputTable read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("input " + file + " is not a file: expected a .csv or .parquet file");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".parquet")) {
            return ParquetFiles.read(file);
        }
        if (!name.endsWith(".csv")) {
            throw new InvalidInputException("cannot tell the format of " + file + ": expected a .csv or .parquet file");
        }
        List<List<String>> records;
        try {
            records = CsvParser.parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + file + ": " + e.getMessage());
        }
        if (records.isEmpty()) {
            throw new InvalidInputException(file + " is empty: expected a header row of column names, then rows");
        }
        List<String> columns = List.copyOf(records.get(0));
        List<Object[]> rows = new ArrayList<>(records.size() - 1);
        for (List<String> record : records.subList(1, records.size())) {
            Object[] cells = new Object[columns.size()];
            for (int i = 0; i < cells.length && i < record.size(); i++) {
                cells[i] = record.get(i);
            }
            rows.add(cells);
        }
        return new InputTable(columns, rows);
    }

    /** The index of {@code column}, or an error naming the columns there are. */
    public int index(String column) {
        int i = columns.indexOf(column);
        if (i < 0) {
            throw new InvalidInputException("the input has no column '" + column + "': its columns are " + columns);
        }
        return i;
    }
}
