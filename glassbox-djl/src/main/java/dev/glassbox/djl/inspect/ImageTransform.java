package dev.glassbox.djl.inspect;

import java.util.List;
import java.util.Random;

/**
 * A random geometric change made to the image at each step of feature visualisation, so that the optimised image
 * must drive the unit under small shifts, scalings and rotations instead of exploiting single pixels (Mordvintsev et
 * al. 2015, Olah et al. 2017). Each draw is a {@link Warp} from the current size to a new one; gradients go back
 * through its adjoint. The draws come from the run's seeded generator.
 */
@FunctionalInterface
public interface ImageTransform {

    /** Draws this step's warp of an {@code h×w} image. */
    Warp draw(int h, int w, Random random);

    /** Pads every side by {@code pixels} of the constant {@code fill}. */
    static ImageTransform pad(int pixels, float fill) {
        return (h, w, random) -> new Warp(h, w, h + 2 * pixels, w + 2 * pixels, (y, x, at) -> {
            at[0] = y - pixels;
            at[1] = x - pixels;
        }, false, fill);
    }

    /** Crops {@code pixels} rows and columns away at a random offset (Lucid's jitter): a shift of up to that much. */
    static ImageTransform jitter(int pixels) {
        return (h, w, random) -> {
            int dy = random.nextInt(pixels + 1);
            int dx = random.nextInt(pixels + 1);
            return new Warp(h, w, h - pixels, w - pixels, (y, x, at) -> {
                at[0] = y + dy;
                at[1] = x + dx;
            }, false, 0);
        };
    }

    /** Resizes by a factor drawn uniformly from {@code factors} (bilinear, edges clamped). */
    static ImageTransform scale(double... factors) {
        double[] choices = factors.clone();
        return (h, w, random) -> {
            double factor = choices[random.nextInt(choices.length)];
            return Warp.resize(h, w, Math.max(1, (int) Math.round(h * factor)), Math.max(1, (int) Math.round(w * factor)));
        };
    }

    /** Rotates about the centre by an angle in degrees drawn uniformly from {@code degrees}; corners read {@code fill}. */
    static ImageTransform rotate(float fill, double... degrees) {
        double[] choices = degrees.clone();
        return (h, w, random) -> {
            double angle = Math.toRadians(choices[random.nextInt(choices.length)]);
            double cos = Math.cos(angle);
            double sin = Math.sin(angle);
            double cy = (h - 1) / 2.0;
            double cx = (w - 1) / 2.0;
            return new Warp(h, w, h, w, (y, x, at) -> {
                at[0] = cy + cos * (y - cy) - sin * (x - cx);
                at[1] = cx + sin * (y - cy) + cos * (x - cx);
            }, false, fill);
        };
    }

    /**
     * Lucid's standard transformations scaled to the image size (at 224 pixels: pad 12, jitter 8, scale 0.9 to 1.1,
     * rotate −10° to 10°, jitter 4; at 28 pixels: pad 2, jitter 2, the same scales and angles, jitter 1), padding
     * with mid-grey.
     */
    static List<ImageTransform> standard(int size) {
        double[] scales = new double[11];
        for (int i = 0; i < scales.length; i++) {
            scales[i] = 1 + (i - 5) / 50.0;
        }
        double[] angles = new double[21];
        for (int i = 0; i < angles.length; i++) {
            angles[i] = i - 10;
        }
        return List.of(pad(Math.max(2, Math.round(size * 12 / 224f)), 0.5f),
                jitter(Math.max(2, Math.round(size * 8 / 224f))), scale(scales), rotate(0.5f, angles),
                jitter(Math.max(1, Math.round(size * 4 / 224f))));
    }
}
