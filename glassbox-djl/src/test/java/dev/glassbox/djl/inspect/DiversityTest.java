package dev.glassbox.djl.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.glassbox.core.model.Shape;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DiversityTest {

    @Test
    void identicalImagesHaveSimilarityOneAndImagesInDisjointChannelsZero() {
        Shape shape = Shape.of(2, 3);
        float[] a = {1, 2, 3, 0, 0, 0};
        float[] b = {0, 0, 0, 4, 5, 6};
        assertThat(Diversity.of(new float[][] {a, a.clone()}, shape).value()).isCloseTo(1, within(1e-9));
        assertThat(Diversity.of(new float[][] {a, b}, shape).value()).isCloseTo(0, within(1e-9));
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        Shape shape = Shape.of(3, 4);
        Random random = new Random(2);
        float[][] rows = new float[3][shape.size()];
        for (float[] row : rows) {
            for (int j = 0; j < row.length; j++) {
                row[j] = random.nextFloat();
            }
        }
        float[][] gradient = Diversity.of(rows, shape).gradients();
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < shape.size(); j++) {
                float[][] plus = copy(rows);
                float[][] minus = copy(rows);
                plus[i][j] += 1e-3f;
                minus[i][j] -= 1e-3f;
                double numeric = (Diversity.of(plus, shape).value() - Diversity.of(minus, shape).value())
                        / (plus[i][j] - minus[i][j]);
                assertThat((double) gradient[i][j]).isCloseTo(numeric, within(1e-4));
            }
        }
    }

    private static float[][] copy(float[][] rows) {
        float[][] out = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[i].clone();
        }
        return out;
    }
}
