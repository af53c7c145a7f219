package dev.glassbox.core.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.glassbox.core.math.IncompleteBeta;
import org.junit.jupiter.api.Test;

/** Reference values from SciPy 1.x: {@code scipy.stats.ttest_ind}, {@code scipy.special.betainc} and {@code gammaln}. */
class StudentTTestTest {

    @Test
    void matchesScipysTTest() {
        StudentTTest.Result r = StudentTTest.twoSided(new double[] {0.5, 0.6, 0.55, 0.7},
                new double[] {0.4, 0.45, 0.5, 0.42, 0.38});
        assertThat(r.t()).isCloseTo(3.546753741478184, within(1e-12));
        assertThat(r.degreesOfFreedom()).isEqualTo(7);
        assertThat(r.pValue()).isCloseTo(0.009384484363042615, within(1e-12));
        StudentTTest.Result s = StudentTTest.twoSided(new double[] {1, 2, 3}, new double[] {1.5, 2.5, 3.5, 10});
        assertThat(s.t()).isCloseTo(-1.0231233380089904, within(1e-12));
        assertThat(s.pValue()).isCloseTo(0.35317515657970455, within(1e-12));
    }

    @Test
    void constantSamplesGiveCertaintyOrNothing() {
        assertThat(StudentTTest.twoSided(new double[] {1, 1}, new double[] {1, 1, 1}).pValue()).isEqualTo(1);
        StudentTTest.Result apart = StudentTTest.twoSided(new double[] {1, 1}, new double[] {0.5, 0.5});
        assertThat(apart.pValue()).isZero();
        assertThat(apart.t()).isPositive().isInfinite();
        assertThatThrownBy(() -> StudentTTest.twoSided(new double[] {1}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least two");
    }

    @Test
    void incompleteBetaAndLogGammaMatchScipy() {
        assertThat(IncompleteBeta.regularized(0.3, 2.5, 0.5)).isCloseTo(0.018927124071945658, within(1e-13));
        assertThat(IncompleteBeta.regularized(0.99, 0.5, 0.5)).isCloseTo(0.9362314391414803, within(1e-13));
        assertThat(IncompleteBeta.regularized(0.45, 30, 40)).isCloseTo(0.6447480085585666, within(1e-12));
        assertThat(IncompleteBeta.logGamma(0.3)).isCloseTo(1.0957979948180756, within(1e-12));
        assertThat(IncompleteBeta.logGamma(50.5)).isCloseTo(146.51925549072064, within(1e-10));
        assertThat(IncompleteBeta.regularized(0, 2, 3)).isZero();
        assertThat(IncompleteBeta.regularized(1, 2, 3)).isEqualTo(1);
    }
}
