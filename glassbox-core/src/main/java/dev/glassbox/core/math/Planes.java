package dev.glassbox.core.math;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.model.Shape;

/**
 * Maps over images as 2-D planes: the height and width of a shape's last two axes (a vector is one row), and the
 * channel reduction that turns a C×H×W map into one H×W plane by summing its channels.
 */
public final class Planes {
    private Planes() {
    }

    /** {@code [height, width]} of the last two axes; a rank-1 shape of n values is one row of n. */
    public static int[] heightWidth(Shape shape) {
        return shape.rank() >= 2 ? new int[] {shape.dim(shape.rank() - 2), shape.dim(shape.rank() - 1)}
                : new int[] {1, shape.dim(0)};
    }

    /** The sum over channels of a map stored as consecutive planes of {@code plane} values. */
    public static float[] sumChannels(float[] values, int plane) {
        if (plane <= 0 || values.length % plane != 0) {
            throw new InvalidInputException(values.length + " values do not form planes of " + plane);
        }
        float[] out = new float[plane];
        for (int i = 0; i < values.length; i++) {
            out[i % plane] += values[i];
        }
        return out;
    }

    /** The channel sum of a map of the given shape, widened to double. */
    public static double[] plane(float[] values, Shape shape) {
        int[] hw = heightWidth(shape);
        return Vectors.toDouble(sumChannels(values, hw[0] * hw[1]));
    }
}
