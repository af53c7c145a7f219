package dev.glassbox.djl.interpretable;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.explain.Explainer;
import dev.glassbox.core.math.Upsampling;
import dev.glassbox.core.model.Shape;
import dev.glassbox.core.model.Target;
import dev.glassbox.djl.LayerGradient;
import dev.glassbox.djl.LayeredModel;
import dev.glassbox.djl.OutputWeighting;
import dev.glassbox.djl.explain.ClassActivationMap;
import java.util.Arrays;
import java.util.List;

/**
 * Grad-CAM on a vision transformer, as pytorch-grad-cam applies it: the output of an encoder block
 * ({@code tokens × width}) without the class token is read as a {@code width × side × side} feature map (each patch
 * token a position, each feature a channel), and Grad-CAM weighs its channels by their mean gradient, keeps the
 * positive part and upsamples bilinearly to the input. Read a block before the last: the head of a ViT reads only the
 * class token after the last block, so the gradient with respect to the last block's patch tokens is zero (as
 * pytorch-grad-cam, which reads the last block's first LayerNorm).
 */
public final class TokenGradCam implements Explainer {
    private final LayeredModel model;
    private final String block;
    private final ClassActivationMap gradCam;

    /** Grad-CAM at the output of the encoder block {@code block}. */
    public TokenGradCam(LayeredModel model, String block) {
        this.model = model;
        this.block = block;
        this.gradCam = ClassActivationMap.gradCam(model, block, true, Upsampling.BILINEAR);
    }

    @Override
    public Attribution explain(float[] input, Target target) {
        return explain(new float[][] {input}, target).get(0);
    }

    @Override
    public List<Attribution> explain(float[][] inputs, Target target) {
        LayerGradient g = model.layerGradient(inputs, block, OutputWeighting.target(target));
        Shape shape = g.shape();
        if (shape.rank() != 2) {
            throw new InvalidInputException("token Grad-CAM needs an encoder block with tokens × width output; layer '"
                    + block + "' gives " + shape);
        }
        int tokens = shape.dim(0);
        int width = shape.dim(1);
        int side = TokenGrid.side(tokens - 1);
        LayerGradient grid = new LayerGradient(block, Shape.of(width, side, side), toGrid(g.activations(), tokens, width),
                toGrid(g.gradients(), tokens, width), g.scores());
        return gradCam.maps(grid, Arrays.stream(g.scores()).mapToInt(target::resolve).toArray());
    }

    /** Drops the class token and moves the features to the front: {@code [p][c] → [c][p]}. */
    private static float[][] toGrid(float[][] rows, int tokens, int width) {
        float[][] out = new float[rows.length][width * (tokens - 1)];
        for (int i = 0; i < rows.length; i++) {
            for (int p = 1; p < tokens; p++) {
                for (int c = 0; c < width; c++) {
                    out[i][c * (tokens - 1) + p - 1] = rows[i][p * width + c];
                }
            }
        }
        return out;
    }
}
