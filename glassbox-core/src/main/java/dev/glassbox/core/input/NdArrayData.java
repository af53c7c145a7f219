package dev.glassbox.core.input;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.model.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A whole n-dimensional array read from a file: its shape and its values flattened in row-major (C) order. */
public record NdArrayData(Shape shape, float[] values) {

    public NdArrayData {
        if (values.length != shape.size()) {
            throw new IllegalArgumentException(values.length + " values do not fill an array of shape " + shape);
        }
    }

    /**
     * Splits the array into samples for a model whose samples have shape {@code expected}. An array of exactly that
     * shape is one sample named {@code name}; an array of shape {@code N×expected} is N samples named {@code name#0}
     * to {@code name#N-1} (NumPy's indices). Without an expected shape (null) the whole array is one sample. Any
     * other shape throws {@link InvalidInputException}.
     */
    public List<Sample> samples(String name, Shape expected) {
        if (expected == null || shape.equals(expected)) {
            return List.of(new Sample(name, shape, values));
        }
        int[] dims = shape.dims();
        if (dims.length == expected.rank() + 1
                && Arrays.equals(Arrays.copyOfRange(dims, 1, dims.length), expected.dims())) {
            int size = expected.size();
            List<Sample> samples = new ArrayList<>(dims[0]);
            for (int i = 0; i < dims[0]; i++) {
                samples.add(new Sample(name + "#" + i, expected, Arrays.copyOfRange(values, i * size, (i + 1) * size)));
            }
            return samples;
        }
        throw new InvalidInputException("input " + name + " has shape " + shape + " but the model expects " + expected
                + " (or N×" + expected + " for a batch)");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NdArrayData other && shape.equals(other.shape) && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return 31 * shape.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "NdArrayData[shape=" + shape + "]";
    }
}
