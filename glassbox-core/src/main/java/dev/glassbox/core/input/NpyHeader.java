package dev.glassbox.core.input;

import dev.glassbox.core.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The header of a NumPy {@code .npy} file: a Python dict literal such as
 * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }}. Only the literals NumPy writes are understood:
 * strings, {@code True}/{@code False}, integers, and tuples or lists of them.
 */
record NpyHeader(String descr, boolean fortranOrder, long[] shape) {

    /** Parses the header text of the file named {@code file}. */
    static NpyHeader parse(String text, String file) {
        Map<String, Object> dict = new Parser(text, file).dict();
        Object descr = dict.get("descr");
        Object fortran = dict.get("fortran_order");
        Object shape = dict.get("shape");
        if (descr instanceof List<?>) {
            throw new InvalidInputException("input " + file + " holds a structured array: expected a plain numeric array");
        }
        if (!(descr instanceof String d) || !(fortran instanceof Boolean f) || !(shape instanceof List<?> dims)) {
            throw damaged(file, "it lacks 'descr', 'fortran_order' or 'shape'");
        }
        long[] sizes = new long[dims.size()];
        for (int i = 0; i < sizes.length; i++) {
            if (!(dims.get(i) instanceof Long n) || n < 0) {
                throw damaged(file, "its shape " + shape + " is not a tuple of sizes");
            }
            sizes[i] = n;
        }
        return new NpyHeader(d, f, sizes);
    }

    private static InvalidInputException damaged(String file, String why) {
        return new InvalidInputException("input " + file + " has a damaged .npy header: " + why);
    }

    /** A recursive-descent reader of the Python literals NumPy writes in headers. */
    private static final class Parser {
        private final String text;
        private final String file;
        private int pos;

        Parser(String text, String file) {
            this.text = text;
            this.file = file;
        }

        Map<String, Object> dict() {
            Map<String, Object> dict = new LinkedHashMap<>();
            expect('{');
            while (peek() != '}') {
                Object key = value();
                if (!(key instanceof String name)) {
                    throw error("a string key");
                }
                expect(':');
                dict.put(name, value());
                if (peek() != '}') {
                    expect(',');
                }
            }
            expect('}');
            return dict;
        }

        private Object value() {
            char c = peek();
            if (c == '\'' || c == '"') {
                return string(c);
            }
            if (c == '(' || c == '[') {
                return sequence(c == '(' ? ')' : ']');
            }
            if (text.startsWith("True", pos)) {
                pos += 4;
                return Boolean.TRUE;
            }
            if (text.startsWith("False", pos)) {
                pos += 5;
                return Boolean.FALSE;
            }
            return integer();
        }

        private String string(char quote) {
            int end = text.indexOf(quote, pos + 1);
            if (end < 0) {
                throw error("a closing quote");
            }
            String s = text.substring(pos + 1, end);
            pos = end + 1;
            return s;
        }

        private List<Object> sequence(char close) {
            pos++;
            List<Object> items = new ArrayList<>();
            while (peek() != close) {
                items.add(value());
                if (peek() != close) {
                    expect(',');
                }
            }
            pos++;
            return items;
        }

        private Long integer() {
            int start = pos;
            if (pos < text.length() && (text.charAt(pos) == '-' || text.charAt(pos) == '+')) {
                pos++;
            }
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
            // Python 2 wrote long sizes as 3L.
            String digits = text.substring(start, pos);
            if (pos < text.length() && text.charAt(pos) == 'L') {
                pos++;
            }
            try {
                return Long.parseLong(digits);
            } catch (NumberFormatException e) {
                throw error("a value");
            }
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("'" + c + "'");
            }
            pos++;
        }

        /** The next character that is not white space, or 0 at the end. */
        private char peek() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
            return pos < text.length() ? text.charAt(pos) : 0;
        }

        private InvalidInputException error(String expected) {
            String shown = text.strip().replaceAll("\\p{Cntrl}", "?");
            if (shown.length() > 60) {
                shown = shown.substring(0, 60) + "...";
            }
            return damaged(file, "expected " + expected + " at character " + pos + " of " + shown);
        }
    }
}
