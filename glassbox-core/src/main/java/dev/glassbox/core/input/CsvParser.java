package dev.glassbox.core.input;

import dev.glassbox.core.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into records of fields: comma-separated, with double-quoted fields that may hold commas, line breaks
 * and doubled quotes ({@code ""}). Lines end in {@code \n}, {@code \r\n} or {@code \r}; blank lines and a leading
 * byte-order mark are skipped. Unquoted fields are trimmed.
 */
public final class CsvParser {
    private CsvParser() {
    }

    /** Parses {@code text} from the file named {@code file}, which is used in error messages. */
    public static List<List<String>> parse(String text, String file) {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean inQuotes = false;
        int line = 1;
        int quoteLine = 0;
        int start = text.startsWith("\uFEFF") ? 1 : 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inQuotes) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    inQuotes = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"') {
                inQuotes = true;
                quoted = true;
                quoteLine = line;
            } else if (c == ',') {
                fields.add(finish(field, quoted));
                quoted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                line++;
                endRecord(records, fields, finish(field, quoted), quoted);
                fields = new ArrayList<>();
                quoted = false;
            } else {
                field.append(c);
            }
        }
        if (inQuotes) {
            throw new InvalidInputException("CSV " + file + " has a quote opened on line " + quoteLine
                    + " that is never closed");
        }
        endRecord(records, fields, finish(field, quoted), quoted);
        return records;
    }

    private static String finish(StringBuilder field, boolean quoted) {
        String value = quoted ? field.toString() : field.toString().trim();
        field.setLength(0);
        return value;
    }

    /** Adds the record unless it is a blank line: one empty, unquoted field. */
    private static void endRecord(List<List<String>> records, List<String> fields, String last, boolean quoted) {
        if (fields.isEmpty() && last.isEmpty() && !quoted) {
            return;
        }
        fields.add(last);
        records.add(fields);
    }
}
