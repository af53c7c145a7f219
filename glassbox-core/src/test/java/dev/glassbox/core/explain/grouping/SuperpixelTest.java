package dev.glassbox.core.explain.grouping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glassbox.core.model.Shape;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** SLIC and quickshift on synthetic images whose regions are known. */
class SuperpixelTest {
    private static final int H = 16;
    private static final int W = 16;

    /** An RGB image, red on the left half and blue on the right, with a faint ripple. */
    private static float[] twoHalves() {
        float[] image = new float[3 * H * W];
        for (int r = 0; r < H; r++) {
            for (int c = 0; c < W; c++) {
                int p = r * W + c;
                float ripple = 0.02f * (float) Math.sin(r + 2 * c);
                boolean left = c < W / 2;
                image[p] = (left ? 0.9f : 0.1f) + ripple;
                image[H * W + p] = 0.1f + ripple;
                image[2 * H * W + p] = (left ? 0.1f : 0.9f) + ripple;
            }
        }
        return image;
    }

    /** No segment holds pixels of both halves. */
    private static void assertRespectsTheBoundary(LabelGrouping g) {
        for (int s = 0; s < g.groupCount(); s++) {
            Set<Boolean> sides = new HashSet<>();
            for (int e : g.members(s)) {
                if (e < H * W) {
                    sides.add(e % W < W / 2);
                }
            }
            assertThat(sides).as("segment %d", s).hasSize(1);
        }
    }

    private static void assertSameInEveryChannel(LabelGrouping g) {
        int[] labels = g.groupOfElements();
        for (int p = 0; p < H * W; p++) {
            assertThat(labels[H * W + p]).isEqualTo(labels[p]);
            assertThat(labels[2 * H * W + p]).isEqualTo(labels[p]);
        }
    }

    @Test
    void slicFollowsTheColourBoundary() {
        Shape shape = Shape.of(3, H, W);
        LabelGrouping g = Slic.builder().segments(8).build().segment(twoHalves(), shape);

        assertThat(g.groupCount()).isBetween(2, 16);
        assertRespectsTheBoundary(g);
        assertSameInEveryChannel(g);
        assertThat(g.name(0)).isEqualTo("segment 0");
    }

    @Test
    void quickshiftFollowsTheColourBoundaryAndIsReproducible() {
        Shape shape = Shape.of(3, H, W);
        Quickshift quickshift = Quickshift.builder().kernelSize(2).maxDist(6).seed(3).build();

        LabelGrouping g = quickshift.segment(twoHalves(), shape);

        assertThat(g.groupCount()).isGreaterThanOrEqualTo(2);
        assertRespectsTheBoundary(g);
        assertSameInEveryChannel(g);
        assertThat(quickshift.segment(twoHalves(), shape).groupOfElements()).containsExactly(g.groupOfElements());
    }

    @Test
    void greyImagesAreSegmentedToo() {
        float[] grey = new float[H * W];
        for (int p = 0; p < grey.length; p++) {
            grey[p] = p % W < W / 2 ? 0.05f : 0.95f;
        }
        LabelGrouping g = Slic.builder().segments(4).build().segment(grey, Shape.of(1, H, W));

        for (int s = 0; s < g.groupCount(); s++) {
            Set<Boolean> sides = new HashSet<>();
            for (int e : g.members(s)) {
                sides.add(e % W < W / 2);
            }
            assertThat(sides).hasSize(1);
        }
    }

    @Test
    void cieLabOfWhiteAndRed() {
        assertThat(PixelColours.toLab(1, 1, 1)).containsExactly(new double[] {100, 0, 0},
                org.assertj.core.api.Assertions.within(0.01));
        // sRGB red is L*a*b* (53.24, 80.09, 67.20).
        assertThat(PixelColours.toLab(1, 0, 0)).containsExactly(new double[] {53.24, 80.09, 67.20},
                org.assertj.core.api.Assertions.within(0.05));
    }
}
