package dev.glassbox.djl.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.glassbox.core.model.Shape;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ImageParameterisationTest {

    private static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }

    /** One cosine coefficient gives k · s · cos(2π(uy/h + vx/w)) before the sigmoid, s the 1/f scale. */
    @Test
    void oneFourierCoefficientIsAScaledCosine() {
        int h = 8;
        int w = 6;
        ImageParameterisation fourier = new ImageParameterisation(Shape.of(1, h, w), ImageParameterisation.Basis.FOURIER, 1);
        assertThat(fourier.parameterCount()).isEqualTo(2 * h * (w / 2 + 1));
        float[] p = new float[fourier.parameterCount()];
        int u = 7;
        int v = 2;
        p[u * 4 + v] = 1.5f;
        float[] image = fourier.image(p);
        double k = 1 / (2 * Math.sqrt(h * w));
        double s = 1 / Math.max(Math.hypot(-1.0 / h, (double) v / w), 1.0 / h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double expected = sigmoid(1.5 * k * s * Math.cos(2 * Math.PI * ((double) u * y / h + (double) v * x / w)));
                assertThat((double) image[y * w + x]).isCloseTo(expected, within(1e-6));
            }
        }
    }

    /** The red, green and blue of a pixel whose first decorrelated channel is d are σ(d · C[:, 0] / max column norm). */
    @Test
    void rgbPixelsMixTheDecorrelatedChannelsByImageNetsColourRoot() {
        ImageParameterisation pixels = new ImageParameterisation(Shape.of(3, 2, 2), ImageParameterisation.Basis.PIXELS, 1);
        float[] p = new float[12];
        java.util.Arrays.fill(p, 0, 4, 2f);
        float[] image = pixels.image(p);
        double norm = Math.sqrt(0.26 * 0.26 + 0.27 * 0.27 + 0.27 * 0.27);
        double[] column = {0.26 / norm, 0.27 / norm, 0.27 / norm};
        for (int c = 0; c < 3; c++) {
            assertThat((double) image[c * 4 + 3]).isCloseTo(sigmoid(2 * column[c]), within(1e-6));
        }
    }

    @Test
    void pullBackIsTheGradientByFiniteDifferences() {
        for (ImageParameterisation.Basis basis : ImageParameterisation.Basis.values()) {
            for (Shape shape : new Shape[] {Shape.of(1, 5, 4), Shape.of(3, 4, 5)}) {
                ImageParameterisation parameterisation = new ImageParameterisation(shape, basis, 1);
                Random random = new Random(3);
                float[] p = new float[parameterisation.parameterCount()];
                for (int i = 0; i < p.length; i++) {
                    p[i] = (float) random.nextGaussian();
                }
                double[] r = random.doubles(shape.size(), -1, 1).toArray();
                float[] image = parameterisation.image(p);
                float[] weights = new float[r.length];
                for (int i = 0; i < r.length; i++) {
                    weights[i] = (float) r[i];
                }
                float[] gradient = parameterisation.pullBack(image, weights);
                for (int j = 0; j < p.length; j += 3) {
                    double step = 1e-2;
                    float[] plus = p.clone();
                    float[] minus = p.clone();
                    plus[j] += (float) step;
                    minus[j] -= (float) step;
                    double numeric = (dot(r, parameterisation.image(plus)) - dot(r, parameterisation.image(minus)))
                            / (2 * step);
                    assertThat((double) gradient[j]).as(basis + " " + shape + " parameter " + j)
                            .isCloseTo(numeric, within(2e-4));
                }
            }
        }
    }

    private static double dot(double[] r, float[] image) {
        double sum = 0;
        for (int i = 0; i < r.length; i++) {
            sum += r[i] * image[i];
        }
        return sum;
    }
}
