package dev.glassbox.djl.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.model.Shape;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ImagePenaltiesTest {

    /** A 2×2 checkerboard of 0 and 1 has 4 unit differences over 4 values; a constant image has none. */
    @Test
    void totalVariationOfKnownImages() {
        Shape shape = Shape.of(1, 2, 2);
        assertThat(ImagePenalties.totalVariation(new float[] {0, 1, 1, 0}, shape)).isEqualTo(1.0);
        assertThat(ImagePenalties.totalVariation(new float[] {0.3f, 0.3f, 0.3f, 0.3f}, shape)).isZero();
        // A ramp 0, 0.1, ..., across 3 columns, 2 rows: 2 steps of 0.1 per row, no vertical change, 6 values.
        assertThat(ImagePenalties.totalVariation(new float[] {0, 0.1f, 0.2f, 0, 0.1f, 0.2f}, Shape.of(1, 2, 3)))
                .isCloseTo(0.4 / 6, within(1e-7));
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        Shape shape = Shape.of(2, 4, 5);
        Random random = new Random(4);
        float[] image = new float[shape.size()];
        for (int i = 0; i < image.length; i++) {
            image[i] = random.nextFloat();
        }
        ImagePenalties penalties = new ImagePenalties(0.7, 0.3, 1.1);
        float[] gradient = new float[image.length];
        penalties.subtractGradient(image, shape, gradient);
        for (int j = 0; j < image.length; j++) {
            double step = 1e-4;
            float[] plus = image.clone();
            float[] minus = image.clone();
            plus[j] += (float) step;
            minus[j] -= (float) step;
            // The blur penalty holds its blurred image fixed, so its gradient is (x − blur x)/n, not the full derivative.
            double numeric = (value(penalties, plus, shape) - value(penalties, minus, shape)) / (plus[j] - minus[j]);
            assertThat(-gradient[j] - blurPart(image, shape, j) * 1.1).as("value " + j).isCloseTo(numeric, within(1e-3));
        }
    }

    private static double value(ImagePenalties penalties, float[] image, Shape shape) {
        return new ImagePenalties(penalties.l2(), penalties.totalVariation(), 0).value(image, shape);
    }

    private static double blurPart(float[] image, Shape shape, int j) {
        int plane = shape.dim(1) * shape.dim(2);
        int c = j / plane;
        int y = j % plane / shape.dim(2);
        int x = j % shape.dim(2);
        double sum = 0;
        int count = 0;
        for (int yy = Math.max(0, y - 1); yy <= Math.min(shape.dim(1) - 1, y + 1); yy++) {
            for (int xx = Math.max(0, x - 1); xx <= Math.min(shape.dim(2) - 1, x + 1); xx++) {
                sum += image[c * plane + yy * shape.dim(2) + xx];
                count++;
            }
        }
        return (image[j] - sum / count) / image.length;
    }

    @Test
    void negativeWeightsAreRefused() {
        assertThatThrownBy(() -> new ImagePenalties(-1, 0, 0)).isInstanceOf(InvalidInputException.class);
    }
}
