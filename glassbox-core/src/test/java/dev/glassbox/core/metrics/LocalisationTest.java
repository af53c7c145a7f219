package dev.glassbox.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.model.Shape;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Localisation metrics on 6×6 maps made by hand, against the box covering rows 1–2 and columns 1–2. */
class LocalisationTest {
    private static final int N = 6;
    private static final BoundingBox BOX = BoundingBox.parse("1,1,2,2");

    private static double[] mapWith(double background, int[][] cells, double... values) {
        double[] map = new double[N * N];
        java.util.Arrays.fill(map, background);
        for (int i = 0; i < cells.length; i++) {
            map[cells[i][0] * N + cells[i][1]] = values[i];
        }
        return map;
    }

    @Test
    void thePointingGameHitsInsideTheBoxOrWithinTheTolerance() {
        assertThat(Localisation.pointingGame(mapWith(0, new int[][] {{2, 2}}, 1), N, N, BOX, 0)).isTrue();
        // The maximum at (4, 4) is √8 ≈ 2.83 pixels from the box's corner (2, 2).
        double[] far = mapWith(0, new int[][] {{4, 4}}, 1);
        assertThat(Localisation.pointingGame(far, N, N, BOX, 2.9)).isTrue();
        assertThat(Localisation.pointingGame(far, N, N, BOX, 2.8)).isFalse();
        assertThat(Localisation.pointingGame(far, N, N, BOX, 0)).isFalse();
        // (0, 4) is 1 row and 2 columns away: √5 ≈ 2.24.
        double[] side = mapWith(0, new int[][] {{0, 4}}, 1);
        assertThat(Localisation.pointingGame(side, N, N, BOX, 2.2)).isFalse();
        assertThat(Localisation.pointingGame(side, N, N, BOX, 2.3)).isTrue();
        // (4, 2) is exactly 2 rows below the box: the rule is strict, as TorchRay's.
        double[] below = mapWith(0, new int[][] {{4, 2}}, 1);
        assertThat(Localisation.pointingGame(below, N, N, BOX, 2)).isFalse();
        assertThat(Localisation.pointingGame(below, N, N, BOX, 2.01)).isTrue();
        // Ties go to the first maximum in row-major order: (0, 0), outside.
        double[] tie = mapWith(0, new int[][] {{0, 0}, {2, 2}}, 1, 1);
        assertThat(Localisation.pointingGame(tie, N, N, BOX, 0)).isFalse();
    }

    @Test
    void theEnergyGameCountsTheShareOfPositiveAttributionInsideTheBox() {
        // Inside: 1 + 2 + 3 (and −5, ignored); outside: 4 (and −10, ignored): 6 / 10.
        double[] map = mapWith(0, new int[][] {{1, 1}, {1, 2}, {2, 1}, {2, 2}, {5, 5}, {0, 3}}, 1, 2, 3, -5, 4, -10);
        assertThat(Localisation.energy(map, N, N, BOX)).isCloseTo(0.6, within(1e-12));
        assertThatThrownBy(() -> Localisation.energy(mapWith(-1, new int[0][]), N, N, BOX))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no positive attribution");
    }

    @Test
    void theTopPixelsAreComparedWithTheBoxByIntersectionOverUnion() {
        // The top 4 of 36 (11.1%): three box pixels and (5, 5): IoU 3 / (4 + 4 − 3).
        double[] map = mapWith(0, new int[][] {{1, 1}, {1, 2}, {2, 1}, {5, 5}, {2, 2}}, 9, 8, 7, 6, 1);
        assertThat(Localisation.topIou(map, N, N, BOX, 100.0 * 4 / 36)).isCloseTo(0.6, within(1e-12));
        // The top 5 take the fourth box pixel too: 4 / (5 + 4 − 4).
        assertThat(Localisation.topIou(map, N, N, BOX, 100.0 * 5 / 36)).isCloseTo(0.8, within(1e-12));
        assertThat(Localisation.topIou(map, N, N, BOX, 100)).isCloseTo(4.0 / 36, within(1e-12));
    }

    @Test
    void attributionsWithChannelsAreSummedOverThem() {
        float[] values = new float[2 * N * N];
        values[0] = 5; // channel 0 at (0, 0)
        values[2 * N + 2] = 3; // channel 0 at (2, 2)
        values[N * N + 2 * N + 2] = 3; // channel 1 at (2, 2): 6 in all
        Attribution a = Attribution.of("test", 0, Shape.of(2, N, N), values, Map.of(), Map.of());
        Localisation.Scores scores = Localisation.of(a, BOX, 0, 100.0 / 36);
        assertThat(scores.hit()).isTrue();
        assertThat(scores.energy()).isCloseTo(6.0 / 11, within(1e-12));
        assertThat(scores.topIou()).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void boxesOutsideTheImageAndBadBoxesAreRefused() {
        double[] map = mapWith(1, new int[0][]);
        assertThatThrownBy(() -> Localisation.energy(map, N, N, new BoundingBox(4, 4, 3, 3)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("outside the 6×6 image");
        assertThatThrownBy(() -> new BoundingBox(-1, 0, 2, 2)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not a box");
        assertThatThrownBy(() -> BoundingBox.parse("1,2,3")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("row,col,height,width");
        assertThatThrownBy(() -> Localisation.topIou(map, N, N, BOX, 0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Localisation.pointingGame(map, N, N, BOX, -1))
                .isInstanceOf(InvalidInputException.class);
    }
}
