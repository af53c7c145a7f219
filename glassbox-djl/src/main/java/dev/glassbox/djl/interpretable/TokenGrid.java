package dev.glassbox.djl.interpretable;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.math.Upsampling;
import dev.glassbox.core.model.Shape;
import java.util.Map;

/**
 * Maps one value per patch token of a vision transformer (the tokens after the class token, in row-major order on a
 * square grid) onto the input image, bilinearly upsampled as Grad-CAM maps are, as a one-channel attribution.
 */
public final class TokenGrid {
    private TokenGrid() {
    }

    /** The side of the square grid of {@code patches} patch tokens. */
    public static int side(int patches) {
        int side = (int) Math.round(Math.sqrt(patches));
        if (side * side != patches) {
            throw new InvalidInputException("the " + patches + " patch tokens do not form a square grid");
        }
        return side;
    }

    /** The attribution of {@code method} for class {@code target} from one value per patch token. */
    public static Attribution attribution(String method, int target, float[] patchValues, Shape input,
            Map<String, Object> params) {
        int side = side(patchValues.length);
        int rows = input.dim(input.rank() - 2);
        int cols = input.dim(input.rank() - 1);
        float[] map = Upsampling.BILINEAR.resize(patchValues, side, side, rows, cols);
        return Attribution.of(method, target, Shape.of(1, rows, cols), map, params, Map.of());
    }
}
