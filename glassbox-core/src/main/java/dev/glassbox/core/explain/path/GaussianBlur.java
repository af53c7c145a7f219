package dev.glassbox.core.explain.path;

import dev.glassbox.core.model.Shape;

/** Separable Gaussian blur over the last two axes of a flattened array (each channel separately), edges clamped. */
final class GaussianBlur {
    private GaussianBlur() {
    }

    static float[] blur(float[] values, Shape shape, double sigma) {
        if (shape.rank() < 2 || sigma <= 0) {
            return values.clone();
        }
        int h = shape.dim(shape.rank() - 2);
        int w = shape.dim(shape.rank() - 1);
        int planes = values.length / (h * w);
        int radius = (int) Math.ceil(3 * sigma);
        double[] kernel = new double[2 * radius + 1];
        double sum = 0;
        for (int k = -radius; k <= radius; k++) {
            kernel[k + radius] = Math.exp(-k * k / (2 * sigma * sigma));
            sum += kernel[k + radius];
        }
        for (int k = 0; k < kernel.length; k++) {
            kernel[k] /= sum;
        }
        float[] out = new float[values.length];
        float[] tmp = new float[h * w];
        for (int p = 0; p < planes; p++) {
            int base = p * h * w;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double acc = 0;
                    for (int k = -radius; k <= radius; k++) {
                        acc += kernel[k + radius] * values[base + y * w + Math.min(w - 1, Math.max(0, x + k))];
                    }
                    tmp[y * w + x] = (float) acc;
                }
            }
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double acc = 0;
                    for (int k = -radius; k <= radius; k++) {
                        acc += kernel[k + radius] * tmp[Math.min(h - 1, Math.max(0, y + k)) * w + x];
                    }
                    out[base + y * w + x] = (float) acc;
                }
            }
        }
        return out;
    }
}
