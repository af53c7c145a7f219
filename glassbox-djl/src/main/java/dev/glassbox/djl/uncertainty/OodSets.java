package dev.glassbox.djl.uncertainty;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.model.Shape;
import java.util.SplittableRandom;

/**
 * Out-of-distribution image sets made without any download, from nothing or from in-distribution images given as rows
 * of {@code C × H × W} values in [0, 1]: uniform noise, images turned upside down, and images with inverted
 * intensities ({@code 1 − x}).
 */
public final class OodSets {
    private OodSets() {
    }

    /** {@code count} images of independent uniform [0, 1) values, the same for the same seed. */
    public static float[][] uniformNoise(int count, Shape shape, long seed) {
        if (count < 1) {
            throw new InvalidInputException("a noise set needs at least one image, got " + count);
        }
        SplittableRandom random = new SplittableRandom(seed);
        float[][] out = new float[count][shape.size()];
        for (float[] image : out) {
            for (int j = 0; j < image.length; j++) {
                image[j] = (float) random.nextDouble();
            }
        }
        return out;
    }

    /** Each image turned upside down: row r of every channel becomes row {@code H − 1 − r}. */
    public static float[][] flipped(float[][] images, Shape shape) {
        if (shape.rank() != 3) {
            throw new InvalidInputException("flipping needs images of shape C×H×W, got " + shape);
        }
        int height = shape.dim(1);
        int width = shape.dim(2);
        float[][] out = new float[images.length][];
        for (int i = 0; i < images.length; i++) {
            out[i] = new float[images[i].length];
            for (int plane = 0; plane < shape.dim(0); plane++) {
                int base = plane * height * width;
                for (int r = 0; r < height; r++) {
                    System.arraycopy(images[i], base + r * width, out[i], base + (height - 1 - r) * width, width);
                }
            }
        }
        return out;
    }

    /** Each image with inverted intensities, {@code 1 − x}. */
    public static float[][] inverted(float[][] images) {
        float[][] out = new float[images.length][];
        for (int i = 0; i < images.length; i++) {
            out[i] = new float[images[i].length];
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] = 1 - images[i][j];
            }
        }
        return out;
    }
}
