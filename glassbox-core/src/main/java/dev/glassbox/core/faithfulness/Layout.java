package dev.glassbox.core.faithfulness;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.math.Planes;
import dev.glassbox.core.model.Shape;

/** Lines an attribution up with the input it explains: per element, or per pixel of the input's H×W plane. */
final class Layout {
    private Layout() {
    }

    /** One value per input element: the map itself, or a one-plane map repeated over the input's channels. */
    static double[] perElement(Attribution a, Shape input) {
        float[] values = a.values();
        int size = input.size();
        int[] hw = Planes.heightWidth(input);
        if (values.length != size && values.length != hw[0] * hw[1]) {
            throw mismatch(a, input);
        }
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            out[i] = values[i % values.length];
        }
        return requireFinite(out, a);
    }

    /** One value per pixel: the channel sum of a map with the input's height and width. */
    static double[] perPixel(Attribution a, Shape input) {
        int[] hw = Planes.heightWidth(input);
        if (!java.util.Arrays.equals(hw, Planes.heightWidth(a.shape()))) {
            throw mismatch(a, input);
        }
        return requireFinite(Planes.plane(a.values(), a.shape()), a);
    }

    private static double[] requireFinite(double[] values, Attribution a) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new InvalidInputException(a.method() + " produced a map holding " + v + ": maps must be finite");
            }
        }
        return values;
    }

    private static InvalidInputException mismatch(Attribution a, Shape input) {
        return new InvalidInputException("a " + a.shape() + " map of " + a.method() + " does not line up with inputs of "
                + "shape " + input + ": upsample it to the input's height and width");
    }
}
