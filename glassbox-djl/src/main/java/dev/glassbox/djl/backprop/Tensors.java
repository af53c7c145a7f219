package dev.glassbox.djl.backprop;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.glassbox.core.math.Vectors;
import dev.glassbox.core.model.Shape;
import java.util.Arrays;

/** Engine plumbing shared by the models and the reverse pass: conversions between glassbox's flattened rows and engine arrays with a leading batch dimension. */
public final class Tensors {
    private Tensors() {
    }

    /** A {@code batch × shape} float32 array holding the rows. */
    public static NDArray fromRows(NDManager manager, float[][] rows, Shape shape) {
        return manager.create(Vectors.flatten(rows), new ai.djl.ndarray.types.Shape(shape.withBatch(rows.length)));
    }

    /** The rows of an array whose first dimension is the batch. */
    public static float[][] toRows(NDArray array) {
        float[] flat = array.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray();
        int batch = (int) array.getShape().get(0);
        int width = batch == 0 ? 0 : flat.length / batch;
        float[][] rows = new float[batch][];
        for (int i = 0; i < batch; i++) {
            rows[i] = Arrays.copyOfRange(flat, i * width, (i + 1) * width);
        }
        return rows;
    }

    /** The shape of one sample of a batched array. */
    public static Shape sampleShape(NDArray array) {
        long[] dims = array.getShape().getShape();
        int[] out = new int[dims.length - 1];
        for (int i = 1; i < dims.length; i++) {
            out[i - 1] = Math.toIntExact(dims[i]);
        }
        return out.length == 0 ? Shape.of(1) : new Shape(out);
    }
}
