package dev.glassbox.djl.explain.mask;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.explain.grouping.FeatureGrouping;
import dev.glassbox.core.model.Shape;
import java.util.List;
import java.util.Map;

/** The height and width a mask method works at, and its maps as per-pixel attributions (one value for all channels). */
record MaskedImage(Shape shape, int height, int width) {

    /** The image geometry of a model's input shape ([C, H, W] or [H, W]), or a one-line error for other inputs. */
    static MaskedImage of(Shape shape, String method) {
        if (shape.rank() != 2 && shape.rank() != 3) {
            throw new InvalidInputException(method + " needs image inputs shaped [C, H, W] or [H, W], but the model "
                    + "takes " + shape);
        }
        return new MaskedImage(shape, shape.dim(shape.rank() - 2), shape.dim(shape.rank() - 1));
    }

    /** A grid step giving about {@code parametersAcross} parameters along the shorter side. */
    int defaultStep(int parametersAcross) {
        return Math.max(1, (int) Math.round(Math.min(height, width) / (double) parametersAcross));
    }

    /** A per-pixel attribution of {@code values} (height × width). */
    Attribution attribution(String method, int target, float[] values, Map<String, Object> params,
            Map<String, Double> diagnostics) {
        return new Attribution(method, target, Shape.of(height, width), values, List.of(), params, diagnostics,
                FeatureGrouping.pixels(shape), new float[0]);
    }
}
