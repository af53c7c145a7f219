package dev.glassbox.djl.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class WarpTest {
    /** A 3×4 plane holding 0..11 row by row. */
    private static final float[] PLANE = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};

    @Test
    void padSurroundsThePlaneWithTheFill() {
        Warp pad = ImageTransform.pad(1, 0.5f).draw(3, 4, new Random(1));
        float[] out = pad.apply(PLANE, 1);
        assertThat(pad.outHeight()).isEqualTo(5);
        assertThat(pad.outWidth()).isEqualTo(6);
        assertThat(out[0]).isEqualTo(0.5f);
        assertThat(out[6 + 1]).isEqualTo(0f);
        assertThat(out[3 * 6 + 4]).isEqualTo(11f);
        assertThat(out[4 * 6 + 5]).isEqualTo(0.5f);
    }

    @Test
    void jitterIsAnIntegerCropInsideThePlane() {
        Warp jitter = ImageTransform.jitter(2).draw(3, 4, new Random(5));
        float[] out = jitter.apply(PLANE, 1);
        assertThat(jitter.outHeight()).isEqualTo(1);
        assertThat(jitter.outWidth()).isEqualTo(2);
        assertThat(out[1] - out[0]).isEqualTo(1f);
        int top = (int) out[0] / 4;
        int left = (int) out[0] % 4;
        assertThat(top).isBetween(0, 2);
        assertThat(left).isBetween(0, 2);
    }

    @Test
    void ninetyDegreesIsAnExactQuarterTurn() {
        float[] square = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        float[] out = ImageTransform.rotate(0f, 90).draw(3, 3, new Random(1)).apply(square, 1);
        // Output (y, x) reads input (1 − (x − 1), 1 + (y − 1)) = (2 − x, y): the plane turned a quarter anticlockwise.
        assertThat(out).containsExactly(new float[] {7, 4, 1, 8, 5, 2, 9, 6, 3}, within(1e-5f));
    }

    /** PyTorch's bilinear interpolate (align_corners=False) doubles [a, b] to [a, ¾a + ¼b, ¼a + ¾b, b]. */
    @Test
    void resizeMatchesPyTorchsBilinearInterpolation() {
        float[] out = Warp.resize(1, 2, 1, 4).apply(new float[] {2, 6}, 1);
        assertThat(out).containsExactly(new float[] {2, 3, 5, 6}, within(1e-6f));
    }

    /** ⟨W x, g⟩ = ⟨x, Wᵀ g⟩ for the affine part of every transform: the pull-back is the adjoint. */
    @Test
    void pullBackIsTheAdjoint() {
        Random random = new Random(9);
        for (ImageTransform transform : ImageTransform.standard(12)) {
            Warp warp = transform.draw(12, 10, random);
            float[] x = new float[2 * 12 * 10];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) random.nextGaussian();
            }
            float[] zero = warp.apply(new float[x.length], 2);
            float[] wx = warp.apply(x, 2);
            float[] g = new float[wx.length];
            double left = 0;
            for (int i = 0; i < g.length; i++) {
                g[i] = (float) random.nextGaussian();
                left += (wx[i] - zero[i]) * g[i];
            }
            float[] back = warp.pullBack(g, 2);
            double right = 0;
            for (int i = 0; i < x.length; i++) {
                right += x[i] * back[i];
            }
            assertThat(left).isCloseTo(right, within(1e-3));
        }
    }
}
