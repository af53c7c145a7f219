package dev.glassbox.core.explain.grouping;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.model.Shape;
import java.util.Arrays;

/**
 * Sliding windows placed as Captum's occlusion places them. Along each axis of length {@code D} with window {@code w}
 * and stride {@code s}, windows start at {@code 0, s, 2s, …} — {@code ceil((D - w) / s) + 1} of them — and a window
 * that would run past the end is cut at the edge, so every element is covered. Windows overlap when {@code s < w}.
 *
 * <p>A window with fewer axes than the input spans the leading axes whole (a {@code 5×5} window on a {@code 3×H×W}
 * image covers all three channels).
 */
public final class WindowGrouping implements FeatureGrouping {
    private final Shape shape;
    private final int[] dims;
    private final int[] window;
    private final int[] strides;
    private final int[] counts;

    WindowGrouping(Shape shape, int[] window, int[] strides) {
        this.shape = shape;
        this.dims = shape.dims();
        this.window = align(window, "window", dims, dims);
        this.strides = align(strides, "strides", dims, this.window);
        this.counts = new int[dims.length];
        long total = 1;
        for (int axis = 0; axis < dims.length; axis++) {
            if (this.window[axis] < 1 || this.window[axis] > dims[axis]) {
                throw new InvalidInputException("window " + Arrays.toString(this.window) + " does not fit input shape "
                        + shape + ": each window dimension must be between 1 and the input's");
            }
            if (this.strides[axis] < 1 || this.strides[axis] > this.window[axis]) {
                throw new InvalidInputException("strides " + Arrays.toString(this.strides) + " must be between 1 and the"
                        + " window " + Arrays.toString(this.window) + " on every axis, so that every element is covered");
            }
            counts[axis] = ceilDiv(dims[axis] - this.window[axis], this.strides[axis]) + 1;
            total *= counts[axis];
        }
        if (total > Integer.MAX_VALUE) {
            throw new InvalidInputException("window " + Arrays.toString(this.window) + " with strides "
                    + Arrays.toString(this.strides) + " makes more than " + Integer.MAX_VALUE + " windows");
        }
    }

    /** Left-pads a window or stride given for the trailing axes with {@code fill} (the full axis for windows). */
    private static int[] align(int[] given, String what, int[] dims, int[] fill) {
        if (given.length == 0 || given.length > dims.length) {
            throw new InvalidInputException(what + " " + Arrays.toString(given) + " must have between 1 and "
                    + dims.length + " dimensions for input shape " + Shape.of(dims));
        }
        int[] out = new int[dims.length];
        int lead = dims.length - given.length;
        for (int axis = 0; axis < dims.length; axis++) {
            out[axis] = axis < lead ? fill[axis] : given[axis - lead];
        }
        return out;
    }

    private static int ceilDiv(int a, int b) {
        return -Math.floorDiv(-a, b);
    }

    @Override
    public Shape inputShape() {
        return shape;
    }

    @Override
    public int groupCount() {
        int total = 1;
        for (int c : counts) {
            total *= c;
        }
        return total;
    }

    /** The window shape, one entry per input axis. */
    public int[] window() {
        return window.clone();
    }

    /** The strides, one entry per input axis. */
    public int[] strides() {
        return strides.clone();
    }

    /** Where a window starts, one coordinate per axis; windows are numbered in row-major order of their starts. */
    public int[] start(int group) {
        int[] start = new int[dims.length];
        int rest = group;
        for (int axis = dims.length - 1; axis >= 0; axis--) {
            start[axis] = (rest % counts[axis]) * strides[axis];
            rest /= counts[axis];
        }
        return start;
    }

    @Override
    public int[] members(int group) {
        int[] start = start(group);
        int[] extent = new int[dims.length];
        int size = 1;
        for (int axis = 0; axis < dims.length; axis++) {
            extent[axis] = Math.min(window[axis], dims[axis] - start[axis]);
            size *= extent[axis];
        }
        int[] out = new int[size];
        int[] offset = new int[dims.length];
        for (int k = 0; k < size; k++) {
            int flat = 0;
            for (int axis = 0; axis < dims.length; axis++) {
                flat = flat * dims[axis] + start[axis] + offset[axis];
            }
            out[k] = flat;
            for (int axis = dims.length - 1; axis >= 0; axis--) {
                if (++offset[axis] < extent[axis]) {
                    break;
                }
                offset[axis] = 0;
            }
        }
        return out;
    }

    @Override
    public String name(int group) {
        return "window at " + Arrays.toString(start(group));
    }

    @Override
    public String toString() {
        return "windows(window=" + Arrays.toString(window) + ", strides=" + Arrays.toString(strides) + ")";
    }
}
