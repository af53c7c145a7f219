package dev.glassbox.core.generative;

import dev.glassbox.core.InvalidInputException;
import java.util.SplittableRandom;

/**
 * Latent codes for a generator: seeded standard Gaussian codes, and paths between two codes by spherical linear
 * interpolation (slerp), which keeps intermediate codes at the norms the generator saw in training where a straight
 * line would pass through codes of unusually small norm (White 2016).
 */
public final class LatentCodes {
    private LatentCodes() {
    }

    /** {@code count} codes of {@code size} independent standard normal values, the same for one seed. */
    public static float[][] gaussian(long seed, int count, int size) {
        if (count < 1 || size < 1) {
            throw new InvalidInputException("latent codes need a positive count and size; got " + count + " codes of "
                    + size + " values");
        }
        SplittableRandom random = new SplittableRandom(seed);
        float[][] out = new float[count][size];
        for (float[] code : out) {
            for (int j = 0; j < size; j++) {
                code[j] = (float) random.nextGaussian();
            }
        }
        return out;
    }

    /**
     * {@code steps} codes from {@code a} to {@code b} (both included) by slerp:
     * {@code sin((1 − t)Ω)/sin Ω · a + sin(tΩ)/sin Ω · b} with {@code Ω} the angle between them, falling back to a
     * straight line when they are (nearly) parallel.
     */
    public static float[][] slerp(float[] a, float[] b, int steps) {
        if (steps < 2 || a.length != b.length || a.length == 0) {
            throw new InvalidInputException("an interpolation needs at least two steps between two codes of one "
                    + "non-zero size; got " + steps + " steps and sizes " + a.length + " and " + b.length);
        }
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int j = 0; j < a.length; j++) {
            dot += (double) a[j] * b[j];
            na += (double) a[j] * a[j];
            nb += (double) b[j] * b[j];
        }
        double cos = Math.max(-1, Math.min(1, dot / Math.sqrt(na * nb)));
        double omega = Math.acos(cos);
        float[][] out = new float[steps][a.length];
        for (int s = 0; s < steps; s++) {
            double t = s / (double) (steps - 1);
            double wa;
            double wb;
            if (Math.sin(omega) < 1e-6) {
                wa = 1 - t;
                wb = t;
            } else {
                wa = Math.sin((1 - t) * omega) / Math.sin(omega);
                wb = Math.sin(t * omega) / Math.sin(omega);
            }
            for (int j = 0; j < a.length; j++) {
                out[s][j] = (float) (wa * a[j] + wb * b[j]);
            }
        }
        return out;
    }
}
