package dev.glassbox.djl.rules;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.glassbox.djl.backprop.LayerPass;
import java.util.Arrays;

/**
 * The input window of every output position of a 2-D max-pool layer, read off the layer itself: pooling a plane
 * whose values grow in row-major order yields each window's last (bottom-right) index, pooling their negatives its
 * first (top-left) one. Works for any kernel, stride, padding and ceil mode (windows are clipped to the input as the
 * layer clips them); DJL's pools have no dilation, so every window is a rectangle. The windows' input indices are
 * kept in row-major order, window after window.
 */
final class PoolWindows {
    private final int[] starts;
    private final int[] members;

    private PoolWindows(int[] starts, int[] members) {
        this.starts = starts;
        this.members = members;
    }

    /** The windows of {@code pass}'s layer on {@code height} × {@code width} input planes. */
    static PoolWindows of(LayerPass pass, int height, int width) {
        NDArray ramp = pass.input().getManager().arange(0f, (float) height * width)
                .reshape(new Shape(1, 1, height, width));
        float[] firstIndex = pass.apply(ramp.neg()).neg().toFloatArray();
        float[] lastIndex = pass.apply(ramp).toFloatArray();
        int[] starts = new int[firstIndex.length + 1];
        int[] members = new int[0];
        for (int k = 0; k < firstIndex.length; k++) {
            int first = Math.round(firstIndex[k]);
            int last = Math.round(lastIndex[k]);
            int columns = last % width - first % width + 1;
            int size = (last / width - first / width + 1) * columns;
            starts[k + 1] = starts[k] + size;
            if (members.length < starts[k + 1]) {
                members = Arrays.copyOf(members, Math.max(2 * members.length, starts[k + 1]));
            }
            for (int m = 0; m < size; m++) {
                members[starts[k] + m] = first + (m / columns) * width + m % columns;
            }
        }
        return new PoolWindows(starts, Arrays.copyOf(members, starts[firstIndex.length]));
    }

    /** The number of windows (output positions per plane). */
    int count() {
        return starts.length - 1;
    }

    /**
     * For every window, the index within {@code plane} of its first largest value in row-major order (the element
     * the layer's own backward pass routes to).
     */
    void argmax(float[] plane, int[] indices) {
        for (int k = 0; k < indices.length; k++) {
            int best = members[starts[k]];
            float bestValue = plane[best];
            for (int m = starts[k] + 1; m < starts[k + 1]; m++) {
                if (plane[members[m]] > bestValue) {
                    best = members[m];
                    bestValue = plane[best];
                }
            }
            indices[k] = best;
        }
    }
}
