package dev.glassbox.core.input;

import dev.glassbox.core.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Checks and names input files the same way for every reader. */
final class InputPaths {
    private InputPaths() {
    }

    /** Throws {@link InvalidInputException} unless {@code file} is an existing regular file. */
    static void requireFile(Path file) {
        if (Files.isDirectory(file)) {
            throw new InvalidInputException("input " + file + " is a directory: expected a file");
        }
        if (!Files.exists(file)) {
            throw new InvalidInputException("input file not found: " + file);
        }
    }

    /** The file name without its directories, used in sample names and messages. */
    static String name(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }

    /** The lower-case extension without the dot, or an empty string when the name has none. */
    static String extension(Path file) {
        String name = name(file);
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
