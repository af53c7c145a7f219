package dev.glassbox.core.generative;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.Shape;

/**
 * The two pictures of a generator (any model from latent codes to flattened images): a grid of samples for seeded
 * codes, and latent interpolations, one row per pair of seeded codes, walked by {@link LatentCodes#slerp}.
 */
public final class GeneratorPictures {
    private GeneratorPictures() {
    }

    /** A {@code rows × columns} grid of images generated from seeded codes, as PNG. */
    public static byte[] grid(Model generator, Shape image, long seed, int rows, int columns) {
        requirePositive(rows, columns);
        float[][] codes = LatentCodes.gaussian(seed, rows * columns, generator.inputShape().size());
        return ImageTiling.toPng(generate(generator, image, codes), image, columns);
    }

    /** {@code paths} rows of {@code steps} images each, from one seeded code to another along a slerp, as PNG. */
    public static byte[] interpolations(Model generator, Shape image, long seed, int paths, int steps) {
        requirePositive(paths, steps);
        float[][] ends = LatentCodes.gaussian(seed, 2 * paths, generator.inputShape().size());
        float[][] codes = new float[paths * steps][];
        for (int p = 0; p < paths; p++) {
            float[][] path = LatentCodes.slerp(ends[2 * p], ends[2 * p + 1], steps);
            System.arraycopy(path, 0, codes, p * steps, steps);
        }
        return ImageTiling.toPng(generate(generator, image, codes), image, steps);
    }

    private static float[][] generate(Model generator, Shape image, float[][] codes) {
        if (generator.outputSize() != image.size()) {
            throw new InvalidInputException("the generator makes " + generator.outputSize() + " values per code; an "
                    + "image of shape " + image + " needs " + image.size());
        }
        return generator.predict(codes);
    }

    private static void requirePositive(int a, int b) {
        if (a < 1 || b < 1) {
            throw new InvalidInputException("a picture of generated images needs positive sizes; got " + a + " and "
                    + b);
        }
    }
}
