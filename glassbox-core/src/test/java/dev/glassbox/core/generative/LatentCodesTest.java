package dev.glassbox.core.generative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.model.FunctionModel;
import dev.glassbox.core.model.Shape;
import org.junit.jupiter.api.Test;

/** Seeded latent codes, slerp against its closed form, and the pictures of a generator. */
class LatentCodesTest {

    @Test
    void codesAreSeededAndStandardNormal() {
        float[][] a = LatentCodes.gaussian(5, 2000, 8);
        assertThat(LatentCodes.gaussian(5, 2000, 8)).isDeepEqualTo(a);
        assertThat(LatentCodes.gaussian(6, 1, 8)[0]).isNotEqualTo(a[0]);
        double sum = 0;
        double squares = 0;
        for (float[] code : a) {
            for (float v : code) {
                sum += v;
                squares += v * v;
            }
        }
        int n = 2000 * 8;
        assertThat(sum / n).isCloseTo(0, within(0.05));
        assertThat(squares / n).isCloseTo(1, within(0.05));
    }

    @Test
    void slerpOfOrthogonalUnitCodesStaysOnTheCircle() {
        float[][] path = LatentCodes.slerp(new float[] {1, 0}, new float[] {0, 1}, 5);
        assertThat(path[0]).containsExactly(new float[] {1, 0}, within(1e-6f));
        assertThat(path[4]).containsExactly(new float[] {0, 1}, within(1e-6f));
        // t = ½ of a quarter circle: (cos 45°, sin 45°); every point has norm 1 at angle tπ/2
        assertThat(path[2]).containsExactly(new float[] {(float) Math.sqrt(0.5), (float) Math.sqrt(0.5)}, within(1e-6f));
        for (int s = 0; s < path.length; s++) {
            double angle = s / 4.0 * Math.PI / 2;
            assertThat(path[s]).containsExactly(new float[] {(float) Math.cos(angle), (float) Math.sin(angle)},
                    within(1e-6f));
        }
    }

    @Test
    void parallelCodesFallBackToAStraightLine() {
        float[][] path = LatentCodes.slerp(new float[] {1, 1}, new float[] {2, 2}, 3);
        assertThat(path[1]).containsExactly(new float[] {1.5f, 1.5f}, within(1e-6f));
    }

    @Test
    void picturesTileOneImagePerCodeAndRefuseAMismatchedShape() throws Exception {
        // a "generator" whose image is its code's first value everywhere
        FunctionModel generator = FunctionModel.ofScores(Shape.of(3), 4, rows -> {
            float[][] out = new float[rows.length][4];
            for (int i = 0; i < rows.length; i++) {
                java.util.Arrays.fill(out[i], Math.abs(rows[i][0]) > 1 ? 1 : 0);
            }
            return out;
        });
        byte[] png = GeneratorPictures.interpolations(generator, Shape.of(1, 2, 2), 1, 3, 4);
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(4 * 2 + 5 * ImageTiling.GAP);
        assertThat(image.getHeight()).isEqualTo(3 * 2 + 4 * ImageTiling.GAP);
        assertThatThrownBy(() -> GeneratorPictures.grid(generator, Shape.of(1, 3, 3), 1, 2, 2))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("needs 9");
        assertThatThrownBy(() -> LatentCodes.gaussian(1, 0, 3)).isInstanceOf(InvalidInputException.class);
    }
}
