package dev.glassbox.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.model.Shape;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SimilarityMetricTest {
    private static final Shape IMAGE = Shape.of(1, 28, 28);

    private static Attribution map(Shape shape, long seed, double sign) {
        float[] values = new float[shape.size()];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (sign * random.nextDouble());
        }
        return Attribution.of("test", 0, shape, values, Map.of(), Map.of());
    }

    @Test
    void everyMetricScoresIdenticalMapsOne() {
        Attribution a = map(IMAGE, 1, 1);
        for (SimilarityMetric metric : SimilarityMetric.values()) {
            assertThat(metric.between(a, a)).as(metric.cliName()).isCloseTo(1, within(1e-9));
        }
    }

    @Test
    void magnitudeMetricsIgnoreASignFlipAndSignedOnesDoNot() {
        Attribution a = map(IMAGE, 1, 1);
        Attribution flipped = map(IMAGE, 1, -1);
        for (SimilarityMetric metric : List.of(SimilarityMetric.SPEARMAN_ABS, SimilarityMetric.SSIM,
                SimilarityMetric.HOG, SimilarityMetric.TOP_K)) {
            assertThat(metric.between(a, flipped)).as(metric.cliName()).isCloseTo(1, within(1e-9));
        }
        assertThat(SimilarityMetric.SPEARMAN.between(a, flipped)).isCloseTo(-1, within(1e-9));
        assertThat(SimilarityMetric.PEARSON.between(a, flipped)).isCloseTo(-1, within(1e-9));
    }

    @Test
    void unrelatedMapsScoreNearZero() {
        Attribution a = map(IMAGE, 1, 1);
        Attribution b = map(IMAGE, 2, 1);
        assertThat(SimilarityMetric.SPEARMAN.between(a, b)).isBetween(-0.1, 0.1);
        assertThat(SimilarityMetric.TOP_K.between(a, b)).isBetween(0.0, 0.25);
    }

    @Test
    void channelsAreSummedBeforeComparing() {
        float[] rgb = new float[3 * 4];
        float[] grey = new float[4];
        for (int p = 0; p < 4; p++) {
            grey[p] = 3 * p;
            for (int c = 0; c < 3; c++) {
                rgb[c * 4 + p] = p + (c - 1) * 0.5f;
            }
        }
        Attribution colour = Attribution.of("rgb", 0, Shape.of(3, 2, 2), rgb, Map.of(), Map.of());
        Attribution plane = Attribution.of("grey", 0, Shape.of(1, 2, 2), grey, Map.of(), Map.of());
        assertThat(SimilarityMetric.PEARSON.between(colour, plane)).isCloseTo(1, within(1e-9));
    }

    @Test
    void namesParseAndMismatchesAreRefused() {
        for (SimilarityMetric metric : SimilarityMetric.values()) {
            assertThat(SimilarityMetric.parse(metric.cliName())).isEqualTo(metric);
        }
        assertThatThrownBy(() -> SimilarityMetric.parse("cosine")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("spearman-abs");
        assertThatThrownBy(() -> SimilarityMetric.SSIM.between(map(IMAGE, 1, 1), map(Shape.of(1, 7, 7), 1, 1)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("heights and widths");
    }

    @Test
    void topKIntersectionByHand() {
        double[] a = {5, 4, 3, 2, 1};
        double[] b = {1, 4, 3, 5, 2};
        assertThat(TopKIntersection.of(a, b, 2)).isEqualTo(0.5);
        assertThat(TopKIntersection.of(a, b, 3)).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(TopKIntersection.of(a, b, 5)).isEqualTo(1);
        assertThatThrownBy(() -> TopKIntersection.of(a, b, 0)).isInstanceOf(InvalidInputException.class);
    }
}
