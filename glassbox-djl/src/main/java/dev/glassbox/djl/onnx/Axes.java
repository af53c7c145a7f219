package dev.glassbox.djl.onnx;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;

/** Small helpers shared by the operator families: axis normalisation, index selection, outputs. */
final class Axes {

    private Axes() {
    }

    /** {@code axis} in {@code [0, rank)}, counting negative axes from the end. */
    static int normalise(long axis, int rank) {
        long a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= Math.max(rank, 1)) {
            throw new IllegalArgumentException("axis " + axis + " is out of range for rank " + rank);
        }
        return (int) a;
    }

    /** Each of {@code axes} normalised, sorted ascending. */
    static int[] normalise(long[] axes, int rank) {
        int[] out = new int[axes.length];
        for (int i = 0; i < axes.length; i++) {
            out[i] = normalise(axes[i], rank);
        }
        Arrays.sort(out);
        return out;
    }

    /** The values along {@code axis} of {@code x} at {@code indices} (a gather that keeps autograd). */
    static NDArray select(NDArray x, int axis, long[] indices) {
        long[] shape = x.getShape().getShape();
        long[] view = new long[shape.length];
        Arrays.fill(view, 1);
        view[axis] = indices.length;
        long[] target = shape.clone();
        target[axis] = indices.length;
        NDArray index = x.getManager().create(indices, new Shape(view)).broadcast(new Shape(target));
        return x.gather(index, axis);
    }

    /** A 1-D array of {@code values} along {@code axis} of a rank-{@code rank} array, for broadcasting. */
    static Shape along(int axis, int rank, long length) {
        long[] view = new long[rank];
        Arrays.fill(view, 1);
        view[axis] = length;
        return new Shape(view);
    }

    /** The product of {@code dims[from..to)}. */
    static long product(long[] dims, int from, int to) {
        long p = 1;
        for (int i = from; i < to; i++) {
            p *= dims[i];
        }
        return p;
    }

    /** A one-output result. */
    static NDList one(NDArray array) {
        return new NDList(array);
    }
}
