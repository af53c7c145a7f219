package dev.glassbox.cli;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.input.IdxReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** True class labels for a set of inputs: an IDX label file, or a text file with one class index per line. */
final class Labels {
    private Labels() {
    }

    /** The labels, checked to number {@code count} and to lie in {@code [0, classes)}. */
    static int[] read(Path file, int count, int classes) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int[] labels = name.contains("idx1-ubyte") ? IdxReader.labels(file) : lines(file);
        if (labels.length != count) {
            throw new InvalidInputException("labels file " + file + " has " + labels.length + " labels for " + count
                    + " inputs");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new InvalidInputException("label " + labels[i] + " (entry " + (i + 1) + " of " + file
                        + ") is out of range: the model has " + classes + " classes");
            }
        }
        return labels;
    }

    private static int[] lines(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file).stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
        } catch (IOException e) {
            throw new InvalidInputException("cannot read labels file " + file + ": " + e.getMessage());
        }
        int[] out = new int[lines.size()];
        for (int i = 0; i < out.length; i++) {
            try {
                out[i] = Integer.parseInt(lines.get(i));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("labels file " + file + " line " + (i + 1) + " is '" + lines.get(i)
                        + "': expected a class index");
            }
        }
        return out;
    }
}
