package dev.glassbox.cli.command;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.input.IdxReader;
import dev.glassbox.core.input.NdArrayData;
import dev.glassbox.core.input.NpyReader;
import dev.glassbox.core.model.Shape;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * True class labels for a set of inputs: an IDX label file ({@code *idx1-ubyte[.gz]}), a NumPy {@code .npy} array of
 * whole class indices (any numeric type, one dimension or {@code N×1}), or a text file with one class index per line.
 */
public final class Labels {
    /** The accepted formats, for messages. */
    public static final String FORMATS = "expected an IDX label file (*idx1-ubyte[.gz]), a .npy array of class indices, or a "
            + "text file with one class index per line";

    private Labels() {
    }

    /** The labels, checked to number {@code count} and to lie in {@code [0, classes)}. */
    public static int[] read(Path file, int count, int classes) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int[] labels = name.contains("idx1-ubyte") ? IdxReader.labels(file) : name.endsWith(".npy") ? npy(file)
                : lines(file);
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

    private static int[] npy(Path file) {
        NdArrayData array = NpyReader.read(file);
        Shape shape = array.shape();
        if (shape.rank() > 2 || (shape.rank() == 2 && shape.dim(1) != 1)) {
            throw new InvalidInputException("labels file " + file + " holds an array of shape " + shape
                    + ": expected one class index per input (shape N or N×1)");
        }
        float[] values = array.values();
        int[] out = new int[values.length];
        for (int i = 0; i < out.length; i++) {
            if (values[i] != Math.rint(values[i])) {
                throw new InvalidInputException("labels file " + file + " entry " + (i + 1) + " is " + values[i]
                        + ": expected whole class indices");
            }
            out[i] = (int) values[i];
        }
        return out;
    }

    private static int[] lines(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file).stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("labels file " + file + " is not text: " + FORMATS);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read labels file " + file + ": " + e.getMessage());
        }
        int[] out = new int[lines.size()];
        for (int i = 0; i < out.length; i++) {
            try {
                out[i] = Integer.parseInt(lines.get(i));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("labels file " + file + " line " + (i + 1) + " is '" + lines.get(i)
                        + "' (not a class index): " + FORMATS);
            }
        }
        return out;
    }
}
