package dev.glassbox.djl.zoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.Progress;
import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.input.LabelledImages;
import dev.glassbox.core.model.Shape;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RemoveAndRetrainTest {

    @Test
    void pixelsAreRankedByMagnitudeWithTiesToTheLowerIndex() {
        Attribution map = Attribution.of("m", 0, Shape.of(1, 2, 3), new float[] {0.1f, -0.9f, 0.5f, -0.5f, 0, 0.9f},
                Map.of(), Map.of());
        assertThat(RemoveAndRetrain.rankings(List.of(map))[0]).containsExactly(1, 5, 2, 3, 0, 4);
    }

    @Test
    void removalSetsTheTopShareOfEachImagesRankingToTheFill() {
        byte[] pixels = {10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120};
        LabelledImages images = new LabelledImages(2, 2, 3, pixels, new int[] {3, 7});
        int[][] rankings = {{5, 0, 1, 2, 3, 4}, {2, 4, 0, 1, 3, 5}};
        // ⌈0.4 · 6⌉ = 3 pixels per image
        LabelledImages out = RemoveAndRetrain.remove(images, rankings, 0.4, 99);
        assertThat(out.pixels()).containsExactly(99, 99, 30, 40, 50, 99, 99, 80, 99, 100, 99, 120);
        assertThat(out.labels()).containsExactly(3, 7);
        assertThat(RemoveAndRetrain.meanPixel(images)).isEqualTo(65);
    }

    @Test
    void randomRankingsArePermutationsFixedByTheSeed() {
        int[][] a = RemoveAndRetrain.randomRankings(5, 50, 11);
        assertThat(a).isDeepEqualTo(RemoveAndRetrain.randomRankings(5, 50, 11));
        assertThat(a).isNotEqualTo(RemoveAndRetrain.randomRankings(5, 50, 12));
        for (int[] order : a) {
            int[] sorted = order.clone();
            Arrays.sort(sorted);
            for (int p = 0; p < sorted.length; p++) {
                assertThat(sorted[p]).isEqualTo(p);
            }
        }
        assertThat(a[0]).isNotEqualTo(a[1]);
    }

    @Test
    void sharesOutsideTheOpenUnitIntervalAndUnknownArchitecturesAreRefused() {
        Training.Settings settings = new Training.Settings(1, 8, 1e-3f, 1);
        assertThatThrownBy(() -> RemoveAndRetrain.of(SmallCnn.NAME, settings, new double[] {0.5, 1}, 0, 1, Progress.NONE))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("strictly between 0 and 1");
        assertThatThrownBy(() -> RemoveAndRetrain.of("no-such-net", settings, new double[] {0.5}, 0, 1, Progress.NONE))
                .hasMessageContaining("unknown architecture");
        assertThatThrownBy(() -> RemoveAndRetrain.of(SmallCnn.NAME, settings, new double[] {0.5}, 0, 0, Progress.NONE))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at least one random ranking");
    }
}
