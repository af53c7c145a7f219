package dev.glassbox.core.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class UpsamplingTest {
    private static final float[] TWO_BY_TWO = {1, 2, 3, 4};

    @Test
    void bilinearMatchesPyTorchInterpolateWithoutAlignedCorners() {
        // torch.nn.functional.interpolate(tensor([[[[1., 2.], [3., 4.]]]]), size=(4, 4), mode="bilinear")
        float[] expected = {1.0f, 1.25f, 1.75f, 2.0f, 1.5f, 1.75f, 2.25f, 2.5f, 2.5f, 2.75f, 3.25f, 3.5f, 3.0f, 3.25f, 3.75f, 4.0f};
        assertThat(Upsampling.BILINEAR.resize(TWO_BY_TWO, 2, 2, 4, 4)).containsExactly(expected, within(1e-6f));
    }

    @Test
    void nearestRepeatsPixels() {
        float[] expected = {1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4};
        assertThat(Upsampling.NEAREST.resize(TWO_BY_TWO, 2, 2, 4, 4)).containsExactly(expected);
    }

    @Test
    void eachChannelIsResizedOnItsOwn() {
        float[] twoPlanes = {1, 1, 1, 1, 5, 5, 5, 5};
        float[] out = Upsampling.BILINEAR.resize(twoPlanes, 2, 2, 3, 3);
        assertThat(out).hasSize(18);
        for (int i = 0; i < 9; i++) {
            assertThat(out[i]).isEqualTo(1f);
            assertThat(out[9 + i]).isEqualTo(5f);
        }
    }

    @Test
    void nonSquareMapsResizeRowsAndColumnsByTheirOwnScales() {
        // interpolate(tensor([[[[1., 2., 3.], [4., 5., 6.]]]]), size=(3, 5), mode=...) in PyTorch
        float[] twoByThree = {1, 2, 3, 4, 5, 6};
        float[] bilinear = {1.0f, 1.4f, 2.0f, 2.6f, 3.0f, 2.5f, 2.9f, 3.5f, 4.1f, 4.5f, 4.0f, 4.4f, 5.0f, 5.6f, 6.0f};
        float[] nearest = {1, 1, 2, 2, 3, 1, 1, 2, 2, 3, 4, 4, 5, 5, 6};
        assertThat(Upsampling.BILINEAR.resize(twoByThree, 2, 3, 3, 5)).containsExactly(bilinear, within(1e-6f));
        assertThat(Upsampling.NEAREST.resize(twoByThree, 2, 3, 3, 5)).containsExactly(nearest);
    }
}
