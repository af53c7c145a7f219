package dev.glassbox.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.glassbox.core.InvalidInputException;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HogTest {

    private static double[] ramp(boolean horizontal) {
        double[] map = new double[64];
        for (int i = 0; i < map.length; i++) {
            map[i] = horizontal ? i % 8 : i / 8;
        }
        return map;
    }

    @Test
    void aHorizontalRampVotesOnlyInTheZeroDegreeBin() {
        // 8×8 map, 4×4 cells: one block of four cells, each with magnitude 28 in bin 0, normalised to 0.5
        double[] features = Hog.features(ramp(true), 8, 8, 4);
        assertThat(features).hasSize(4 * Hog.BINS);
        for (int i = 0; i < features.length; i++) {
            assertThat(features[i]).as("entry " + i).isCloseTo(i % Hog.BINS == 0 ? 0.5 : 0, within(1e-9));
        }
        double[] vertical = Hog.features(ramp(false), 8, 8, 4);
        for (int i = 0; i < vertical.length; i++) {
            assertThat(vertical[i]).as("entry " + i).isCloseTo(i % Hog.BINS == 4 ? 0.5 : 0, within(1e-9));
        }
    }

    @Test
    void similarityOfRampsByHand() {
        assertThat(Hog.similarity(ramp(true), ramp(true), 8, 8)).isCloseTo(1, within(1e-12));
        // two vectors of four 0.5s on disjoint entries out of 36: r = −1/8
        assertThat(Hog.similarity(ramp(true), ramp(false), 8, 8)).isCloseTo(-0.125, within(1e-9));
    }

    @Test
    void blockNormalisationMakesItBlindToScale() {
        double[] map = new SplittableRandom(5).doubles(28 * 28).toArray();
        double[] scaled = Arrays.stream(map).map(v -> 7 * v).toArray();
        assertThat(Hog.similarity(map, scaled, 28, 28)).isCloseTo(1, within(1e-9));
        // 28×28 with 4×4 cells: 7×7 cells, 6×6 blocks of 36 values
        assertThat(Hog.features(map, 28, 28, Hog.defaultCell(28, 28))).hasSize(36 * 36);
    }

    @Test
    void refusesAMapWithoutACell() {
        assertThatThrownBy(() -> Hog.features(new double[4], 2, 2, 4)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Hog.features(new double[] {1, Double.NaN, 0, 0}, 2, 2, 1))
                .isInstanceOf(InvalidInputException.class);
    }
}
