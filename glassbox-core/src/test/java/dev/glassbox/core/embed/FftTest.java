package dev.glassbox.core.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FftTest {

    @Test
    void matchesTheDiscreteFourierTransformAndInvertsIt() {
        for (int n : new int[] {4, 8, 32, 64}) {
            checkAgainstTheDefinition(n);
        }
    }

    private static void checkAgainstTheDefinition(int n) {
        SplittableRandom random = new SplittableRandom(1);
        double[] re = new double[n + 5];
        double[] im = new double[n + 5];
        for (int i = 0; i < re.length; i++) {
            re[i] = random.nextGaussian();
            im[i] = random.nextGaussian();
        }
        double[] originalRe = re.clone();
        double[] originalIm = im.clone();
        Fft fft = new Fft(n);

        fft.transform(re, im, 5, false);

        for (int k = 0; k < n; k++) {
            double sumRe = 0;
            double sumIm = 0;
            for (int t = 0; t < n; t++) {
                double angle = -2 * Math.PI * k * t / n;
                sumRe += originalRe[5 + t] * Math.cos(angle) - originalIm[5 + t] * Math.sin(angle);
                sumIm += originalRe[5 + t] * Math.sin(angle) + originalIm[5 + t] * Math.cos(angle);
            }
            assertThat(re[5 + k]).isCloseTo(sumRe, within(1e-10));
            assertThat(im[5 + k]).isCloseTo(sumIm, within(1e-10));
        }
        fft.transform(re, im, 5, true);
        for (int i = 0; i < n; i++) {
            assertThat(re[5 + i] / n).isCloseTo(originalRe[5 + i], within(1e-12));
            assertThat(im[5 + i] / n).isCloseTo(originalIm[5 + i], within(1e-12));
        }
        assertThat(re[0]).isEqualTo(originalRe[0]);
    }

    @Test
    void rejectsLengthsThatAreNotPowersOfTwo() {
        assertThatThrownBy(() -> new Fft(12)).isInstanceOf(IllegalArgumentException.class);
    }
}
