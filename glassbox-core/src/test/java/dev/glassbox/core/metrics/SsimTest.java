package dev.glassbox.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.glassbox.core.InvalidInputException;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SsimTest {

    @Test
    void identicalMapsScoreOne() {
        double[] map = new SplittableRandom(3).doubles(28 * 28, -1, 1).toArray();
        assertThat(Ssim.of(map, map.clone(), 28, 28)).isCloseTo(1, within(1e-12));
    }

    @Test
    void oneUniformWindowByHand() {
        double[] a = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        double[] b = {9, 8, 7, 6, 5, 4, 3, 2, 1};
        // one 3×3 window: equal means 5 so the luminance term is 1; variances 60/9, covariance −60/9; L = 8
        double c2 = (0.03 * 8) * (0.03 * 8);
        double expected = (-2 * 60 / 9.0 + c2) / (2 * 60 / 9.0 + c2);
        assertThat(Ssim.of(a, b, 3, 3)).isCloseTo(expected, within(1e-12)).isCloseTo(-0.991397, within(1e-6));
    }

    @Test
    void aZeroMeanMapAndItsNegationScoreBelowZero() {
        double[] stripes = new double[28 * 28];
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = (i / 28) % 2 == 0 ? 1 : -1;
        }
        double[] negated = Arrays.stream(stripes).map(v -> -v).toArray();
        assertThat(Ssim.of(stripes, negated, 28, 28)).isLessThan(-0.99);
    }

    @Test
    void aPositiveMapAndItsNegationScoreAboveZero() {
        // luminance and structure terms are both negative: SSIM on raw values does not see the sign flip
        double[] a = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        double[] negated = Arrays.stream(a).map(v -> -v).toArray();
        assertThat(Ssim.of(a, negated, 3, 3)).isGreaterThan(0.9);
    }

    @Test
    void windowsFollowTheMapSize() {
        assertThat(Ssim.defaultWindow(28, 28)).hasDimensions(11, 11);
        assertThat(Ssim.defaultWindow(7, 7)[0]).hasSize(7).containsOnly(1 / 49.0);
        assertThat(Ssim.defaultWindow(6, 9)).hasDimensions(5, 5);
        double[][] gaussian = Ssim.gaussianWindow(11, 1.5);
        assertThat(Arrays.stream(gaussian).flatMapToDouble(Arrays::stream).sum()).isCloseTo(1, within(1e-12));
        assertThat(gaussian[5][5]).isGreaterThan(gaussian[5][6]).isGreaterThan(gaussian[0][0]);
    }

    @Test
    void refusesMapsThatDoNotFit() {
        assertThatThrownBy(() -> Ssim.of(new double[9], new double[9], 3, 3, Ssim.uniformWindow(5)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Ssim.of(new double[8], new double[8], 3, 3))
                .isInstanceOf(InvalidInputException.class);
    }
}
