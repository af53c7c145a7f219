package dev.glassbox.cli.option;

import java.util.Arrays;
import picocli.CommandLine;

/**
 * A window or stride over the trailing axes of an input, as {@code --window} and {@code --stride} take it: {@code 4x4}
 * or {@code 4,4} (one positive size per axis), or {@code 4} for the same size on every axis (a square on images).
 */
public record WindowSize(int[] sizes) {
    /** The sizes over {@code axes} trailing axes: a single size repeated, else the sizes as given. */
    public int[] over(int axes) {
        if (sizes.length == 1 && axes > 1) {
            int[] out = new int[axes];
            Arrays.fill(out, sizes[0]);
            return out;
        }
        return sizes.clone();
    }

    /** Parses {@code 4x4}, {@code 4,4} or {@code 4}. */
    public static WindowSize parse(String text) {
        String[] parts = text.strip().split("\\s*[xX,×]\\s*", -1);
        int[] sizes = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                sizes[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                sizes[i] = 0;
            }
            if (sizes[i] < 1) {
                throw new CommandLine.TypeConversionException("'" + text + "' is not a window size: expected positive "
                        + "whole numbers such as 4x4, 4,4 or 4 (the same size on every axis)");
            }
        }
        return new WindowSize(sizes);
    }

    /** The picocli converter. */
    public static final class Converter implements CommandLine.ITypeConverter<WindowSize> {
        @Override
        public WindowSize convert(String value) {
            return parse(value);
        }
    }
}
