package dev.glassbox.core.explain.perturb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.glassbox.core.explain.grouping.FeatureGrouping;
import dev.glassbox.core.model.Shape;
import org.junit.jupiter.api.Test;

/** Background summaries and baselines. */
class BackgroundTest {

    @Test
    void kmeansSummaryFindsTwoClustersWeightedByTheirSize() {
        float[][] data = {{0, 0}, {0.1f, 0}, {0, 0.2f}, {10, 10}, {10.2f, 10}, {9.9f, 10.1f}, {10, 9.8f}};

        Background summary = Background.summarize(data, 2, 3);

        assertThat(summary.size()).isEqualTo(2);
        int big = summary.weights()[0] > summary.weights()[1] ? 0 : 1;
        assertThat(summary.weights()[big]).isEqualTo(4);
        assertThat(summary.weights()[1 - big]).isEqualTo(3);
        // Centre values are moved to values the column takes in the data.
        assertThat(summary.row(big)[0]).isIn(10f, 10.2f, 9.9f);
        assertThat(summary.row(1 - big)[0]).isIn(0f, 0.1f);
        assertThat(Background.summarize(data, 2, 3)).isEqualTo(summary);
    }

    @Test
    void groupMeansFillEachGroupWithItsMeanPerChannel() {
        Shape shape = Shape.of(2, 1, 4);
        float[] image = {1, 3, 10, 20, 5, 7, 0, 2};
        FeatureGrouping halves = FeatureGrouping.labels(shape, new int[] {0, 0, 1, 1, 0, 0, 1, 1});

        float[] row = Baseline.groupMeans().resolve(image, shape, halves).row(0);

        assertThat(row).containsExactly(new float[] {2, 2, 15, 15, 6, 6, 1, 1}, within(1e-6f));
    }

    @Test
    void aFillColourSetsEachChannel() {
        Shape shape = Shape.of(3, 1, 2);
        float[] row = Baseline.channels(0.1f, 0.2f, 0.3f).resolve(new float[6], shape, FeatureGrouping.pixels(shape)).row(0);

        assertThat(row).containsExactly(0.1f, 0.1f, 0.2f, 0.2f, 0.3f, 0.3f);
    }
}
