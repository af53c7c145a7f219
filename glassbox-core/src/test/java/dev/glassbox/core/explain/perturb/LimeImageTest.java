package dev.glassbox.core.explain.perturb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.explain.grouping.Slic;
import dev.glassbox.core.model.FunctionModel;
import dev.glassbox.core.model.Shape;
import dev.glassbox.core.model.Target;
import org.junit.jupiter.api.Test;

/** LIME over superpixels credits the segments the model looks at. */
class LimeImageTest {
    private static final int H = 16;
    private static final int W = 16;
    private static final Shape SHAPE = Shape.of(3, H, W);

    /** Four quadrants of different colours. */
    private static float[] quadrants() {
        float[][] colours = {{0.9f, 0.1f, 0.1f}, {0.1f, 0.9f, 0.1f}, {0.1f, 0.1f, 0.9f}, {0.9f, 0.9f, 0.1f}};
        float[] image = new float[SHAPE.size()];
        for (int r = 0; r < H; r++) {
            for (int c = 0; c < W; c++) {
                float[] colour = colours[(r < H / 2 ? 0 : 2) + (c < W / 2 ? 0 : 1)];
                for (int ch = 0; ch < 3; ch++) {
                    image[ch * H * W + r * W + c] = colour[ch];
                }
            }
        }
        return image;
    }

    private static boolean inTopLeft(int element) {
        int p = element % (H * W);
        return p / W < H / 2 && p % W < W / 2;
    }

    @Test
    void theSegmentsTheModelReadsGetTheLargestWeights() {
        // The model sums the red channel of the top-left quadrant.
        FunctionModel model = FunctionModel.ofScores(SHAPE, 1, batch -> {
            float[][] out = new float[batch.length][1];
            for (int r = 0; r < batch.length; r++) {
                for (int p = 0; p < H * W; p++) {
                    if (inTopLeft(p)) {
                        out[r][0] += batch[r][p] / 64f;
                    }
                }
            }
            return out;
        });
        Attribution a = PerturbationExplainer.builder(model, Lime.builder().samples(400).seed(2).build())
                .segmenter(Slic.builder().segments(16).build())
                .baseline(Baseline.channels(0, 0, 0))
                .build().explain(quadrants(), Target.index(0));

        for (int s = 0; s < a.values().length; s++) {
            boolean inside = inTopLeft(a.grouping().members(s)[0]);
            if (inside) {
                assertThat(a.values()[s]).as("segment %d", s).isGreaterThan(0.01f);
            } else {
                assertThat(Math.abs(a.values()[s])).as("segment %d", s).isLessThan(0.005f);
            }
        }
        assertThat(a.inputValues()).hasSize(SHAPE.size());
        assertThat(a.featureNames()).allMatch(n -> n.startsWith("segment "));
        assertThat(a.params()).containsEntry("baseline", "colour[0.0, 0.0, 0.0]")
                .containsEntry("grouping", "slic(segments=16, compactness=10.0, iterations=10)");
        assertThat(a.diagnostics().get("r2")).isGreaterThan(0.9);
    }
}
