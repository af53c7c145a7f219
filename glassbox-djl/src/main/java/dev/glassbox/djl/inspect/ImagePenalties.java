package dev.glassbox.djl.inspect;

import dev.glassbox.core.model.Shape;

/**
 * Regularisers that feature visualisation subtracts from its objective, each with its weight (0: off), on images in
 * [0, 1], channels first: L2, the mean of (x − ½)²; total variation, the mean over values of the absolute differences
 * to the right and lower neighbours (anisotropic, as in Lucid); blur, ½ the mean of (x − blur(x))² with the blurred
 * image held fixed, whose gradient pulls each value toward its 3×3 neighbourhood mean.
 */
public record ImagePenalties(double l2, double totalVariation, double blur) {
    /** No penalties. */
    public static final ImagePenalties NONE = new ImagePenalties(0, 0, 0);

    /** Checks that the weights are finite and not negative. */
    public ImagePenalties {
        for (double weight : new double[] {l2, totalVariation, blur}) {
            if (!(weight >= 0) || Double.isInfinite(weight)) {
                throw new dev.glassbox.core.InvalidInputException("penalty weights must be finite and ≥ 0, got " + weight);
            }
        }
    }

    /** The weighted penalty of an image. */
    public double value(float[] image, Shape shape) {
        double total = 0;
        if (l2 > 0) {
            for (float v : image) {
                total += l2 * (v - 0.5) * (v - 0.5) / image.length;
            }
        }
        if (blur > 0) {
            float[] blurred = blurred(image, shape);
            for (int i = 0; i < image.length; i++) {
                total += blur * 0.5 * (image[i] - blurred[i]) * (image[i] - blurred[i]) / image.length;
            }
        }
        return total + totalVariation * totalVariation(image, shape);
    }

    /** Subtracts the gradient of the weighted penalty at {@code image} from {@code gradient}. */
    public void subtractGradient(float[] image, Shape shape, float[] gradient) {
        int n = image.length;
        if (l2 > 0) {
            for (int i = 0; i < n; i++) {
                gradient[i] -= (float) (2 * l2 * (image[i] - 0.5) / n);
            }
        }
        if (blur > 0) {
            float[] blurred = blurred(image, shape);
            for (int i = 0; i < n; i++) {
                gradient[i] -= (float) (blur * (image[i] - blurred[i]) / n);
            }
        }
        if (totalVariation > 0) {
            int h = shape.dim(1);
            int w = shape.dim(2);
            float step = (float) (totalVariation / n);
            for (int c = 0; c < shape.dim(0); c++) {
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        int i = c * h * w + y * w + x;
                        if (x + 1 < w) {
                            float sign = Math.signum(image[i + 1] - image[i]);
                            gradient[i + 1] -= step * sign;
                            gradient[i] += step * sign;
                        }
                        if (y + 1 < h) {
                            float sign = Math.signum(image[i + w] - image[i]);
                            gradient[i + w] -= step * sign;
                            gradient[i] += step * sign;
                        }
                    }
                }
            }
        }
    }

    /** The total variation of a C×H×W image: mean absolute difference to the right and lower neighbours. */
    public static double totalVariation(float[] image, Shape shape) {
        int h = shape.dim(1);
        int w = shape.dim(2);
        double sum = 0;
        for (int c = 0; c < shape.dim(0); c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int i = c * h * w + y * w + x;
                    sum += x + 1 < w ? Math.abs(image[i + 1] - image[i]) : 0;
                    sum += y + 1 < h ? Math.abs(image[i + w] - image[i]) : 0;
                }
            }
        }
        return sum / image.length;
    }

    /** The 3×3 box mean of each value over the neighbours inside its plane. */
    private static float[] blurred(float[] image, Shape shape) {
        int h = shape.dim(1);
        int w = shape.dim(2);
        float[] out = new float[image.length];
        for (int c = 0; c < shape.dim(0); c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double sum = 0;
                    int count = 0;
                    for (int yy = Math.max(0, y - 1); yy <= Math.min(h - 1, y + 1); yy++) {
                        for (int xx = Math.max(0, x - 1); xx <= Math.min(w - 1, x + 1); xx++) {
                            sum += image[c * h * w + yy * w + xx];
                            count++;
                        }
                    }
                    out[c * h * w + y * w + x] = (float) (sum / count);
                }
            }
        }
        return out;
    }
}
