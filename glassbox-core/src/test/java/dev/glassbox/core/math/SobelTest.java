package dev.glassbox.core.math;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SobelTest {

    @Test
    void aVerticalStepLightsUpTheTwoColumnsBesideIt() {
        // columns 0–1 dark, 2–4 bright: |g_x| = 1 + 2 + 1 = 4 next to the step, 0 elsewhere
        int h = 4;
        int w = 5;
        double[] plane = new double[h * w];
        for (int i = 0; i < plane.length; i++) {
            plane[i] = i % w >= 2 ? 1 : 0;
        }
        double[] edges = Sobel.magnitude(plane, h, w);
        for (int y = 0; y < h; y++) {
            assertThat(new double[] {edges[y * w], edges[y * w + 1], edges[y * w + 2], edges[y * w + 3], edges[y * w + 4]})
                    .containsExactly(0, 4, 4, 0, 0);
        }
    }

    @Test
    void aFlatPlaneHasNoEdges() {
        assertThat(Sobel.magnitude(new double[] {3, 3, 3, 3, 3, 3}, 2, 3)).containsOnly(0);
    }
}
