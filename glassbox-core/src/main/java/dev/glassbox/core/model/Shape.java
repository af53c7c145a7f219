package dev.glassbox.core.model;

import dev.glassbox.core.InvalidInputException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The shape of one sample, without the batch dimension, for example {@code [1, 28, 28]} for a grey 28×28 image in
 * channels-first order or {@code [5]} for five tabular columns. Values are stored flattened in row-major (C) order.
 */
public record Shape(int[] dims) {

    public Shape {
        if (dims.length == 0) {
            throw new InvalidInputException("a shape needs at least one dimension");
        }
        for (int d : dims) {
            if (d <= 0) {
                throw new InvalidInputException("shape " + Arrays.toString(dims) + " has a dimension that is not positive");
            }
        }
        dims = dims.clone();
    }

    /** A shape from its dimensions. */
    public static Shape of(int... dims) {
        return new Shape(dims);
    }

    /** Parses {@code "1,28,28"} or {@code "1x28x28"}. */
    public static Shape parse(String text) {
        String[] parts = text.trim().split("[,x×]");
        int[] dims = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                dims[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new InvalidInputException("cannot read shape '" + text + "': expected positive integers such as 1,28,28");
            }
        }
        return new Shape(dims);
    }

    @Override
    public int[] dims() {
        return dims.clone();
    }

    /** The number of dimensions. */
    public int rank() {
        return dims.length;
    }

    /** One dimension. */
    public int dim(int axis) {
        return dims[axis];
    }

    /** The number of values in one sample. */
    public int size() {
        long n = 1;
        for (int d : dims) {
            n *= d;
        }
        if (n > Integer.MAX_VALUE) {
            throw new InvalidInputException("shape " + this + " holds more than " + Integer.MAX_VALUE + " values");
        }
        return (int) n;
    }

    /** The shape with a leading batch dimension, as engines want it. */
    public long[] withBatch(int batch) {
        long[] out = new long[dims.length + 1];
        out[0] = batch;
        for (int i = 0; i < dims.length; i++) {
            out[i + 1] = dims[i];
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape other && Arrays.equals(dims, other.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    /** Written as {@code 1×28×28}. */
    @Override
    public String toString() {
        return Arrays.stream(dims).mapToObj(Integer::toString).collect(Collectors.joining("×"));
    }
}
