package dev.glassbox.core.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The shared mechanics: the Latin hypercube, the box-constrained quasi-Newton search, a fixed noise variance. */
class DesignMechanicsTest {

    @Test
    void aLatinHypercubePutsOnePointInEveryStratumOfEveryDimension() {
        int n = 13;
        double[][] points = InitialDesign.LATIN_HYPERCUBE.unitPoints(n, 4, new SplittableRandom(5));
        for (int j = 0; j < 4; j++) {
            boolean[] seen = new boolean[n];
            for (double[] p : points) {
                int stratum = (int) Math.floor(p[j] * n);
                assertThat(seen[stratum]).isFalse();
                seen[stratum] = true;
            }
        }
        assertThat(InitialDesign.LATIN_HYPERCUBE.unitPoints(n, 4, new SplittableRandom(5))).isDeepEqualTo(points);
    }

    @Test
    void theBoundedSearchFindsInteriorAndBoundaryMinima() {
        BoundedQuasiNewton.Objective rosenbrock = (x, g) -> {
            double a = 1 - x[0];
            double b = x[1] - x[0] * x[0];
            g[0] = -2 * a - 400 * x[0] * b;
            g[1] = 200 * b;
            return a * a + 100 * b * b;
        };
        BoundedQuasiNewton.Result inside = BoundedQuasiNewton.minimize(rosenbrock, new double[] {-1.5, 2},
                new double[] {-2, -1}, new double[] {2, 3}, 500, 1e-8);
        assertThat(inside.x()[0]).isCloseTo(1, within(1e-4));
        assertThat(inside.x()[1]).isCloseTo(1, within(1e-4));
        // (x − 2)² + (y + 1)² over [0, 1]²: the minimum sits on the corner (1, 0)
        BoundedQuasiNewton.Objective bowl = (x, g) -> {
            g[0] = 2 * (x[0] - 2);
            g[1] = 2 * (x[1] + 1);
            return (x[0] - 2) * (x[0] - 2) + (x[1] + 1) * (x[1] + 1);
        };
        BoundedQuasiNewton.Result corner = BoundedQuasiNewton.minimize(bowl, new double[] {0.3, 0.6},
                new double[] {0, 0}, new double[] {1, 1}, 100, 1e-10);
        assertThat(corner.x()).containsExactly(1, 0);
        assertThat(corner.value()).isCloseTo(2, within(1e-12));
    }

    @Test
    void aFixedNoiseVarianceIsKeptWhileTheRestIsFitted() {
        SplittableRandom random = new SplittableRandom(9);
        double[][] x = new double[20][1];
        double[] y = new double[20];
        for (int i = 0; i < 20; i++) {
            x[i][0] = random.nextDouble();
            y[i] = Math.cos(6 * x[i][0]) + 0.1 * random.nextGaussian();
        }
        GpPosterior posterior = GaussianProcess.builder().fixedNoise(0.05).seed(1).build().fit(x, y);
        assertThat(posterior.hyperparameters().noiseVariance()).isCloseTo(0.05, within(1e-12));
        assertThat(posterior.hyperparameters().lengthScales()[0]).isNotCloseTo(0.3, within(1e-6));
    }
}
