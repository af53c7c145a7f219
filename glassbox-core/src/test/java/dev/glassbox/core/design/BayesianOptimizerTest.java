package dev.glassbox.core.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.math.StandardNormal;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bayesian optimisation: convergence on Branin, determinism, save and resume, noisy objectives, bad input. */
class BayesianOptimizerTest {

    private static BayesianOptimizer run(BenchmarkFunction f, Acquisition acquisition, long seed, int budget) {
        BayesianOptimizer optimizer = BayesianOptimizer.builder(f.box()).acquisition(acquisition).seed(seed).build();
        for (int i = 0; i < budget; i++) {
            double[] x = optimizer.ask();
            optimizer.tell(x, f.value(x));
        }
        return optimizer;
    }

    @Test
    void expectedImprovementFindsBraninsMinimumWithinFiftyEvaluations() {
        BenchmarkFunction branin = BenchmarkFunction.BRANIN;
        BayesianOptimizer optimizer = BayesianOptimizer.builder(branin.box()).seed(1).build();
        while (optimizer.observations().size() < 50
                && (optimizer.observations().isEmpty() || optimizer.best().value() - branin.minimum() > 1e-2)) {
            double[] x = optimizer.ask();
            optimizer.tell(x, branin.value(x));
        }
        assertThat(optimizer.best().value() - branin.minimum()).isBetween(0.0, 1e-2);
        assertThat(optimizer.observations().size()).isLessThanOrEqualTo(50);
    }

    @Test
    void theSameSeedGivesTheSameHistoryAndResumingContinuesIt() {
        BayesianOptimizer first = run(BenchmarkFunction.SIX_HUMP_CAMEL, Acquisition.lowerConfidenceBound(), 7, 14);
        BayesianOptimizer second = run(BenchmarkFunction.SIX_HUMP_CAMEL, Acquisition.lowerConfidenceBound(), 7, 14);
        assertThat(second.observations()).isEqualTo(first.observations());
        assertThat(second.toJson().toString()).isEqualTo(first.toJson().toString());

        BayesianOptimizer shorter = run(BenchmarkFunction.SIX_HUMP_CAMEL, Acquisition.lowerConfidenceBound(), 7, 11);
        BayesianOptimizer resumed = BayesianOptimizer.fromJson(shorter.toJson().toString());
        for (int i = 0; i < 3; i++) {
            double[] x = resumed.ask();
            resumed.tell(x, BenchmarkFunction.SIX_HUMP_CAMEL.value(x));
        }
        assertThat(resumed.observations()).isEqualTo(first.observations());
        BayesianOptimizer other = run(BenchmarkFunction.SIX_HUMP_CAMEL, Acquisition.lowerConfidenceBound(), 8, 14);
        assertThat(other.observations()).isNotEqualTo(first.observations());
    }

    @Test
    void savesAndResumesFromAFile(@TempDir Path dir) {
        BayesianOptimizer optimizer = run(BenchmarkFunction.FORRESTER, Acquisition.probabilityOfImprovement(), 3, 7);
        Path file = dir.resolve("history.json");
        optimizer.save(file);
        BayesianOptimizer resumed = BayesianOptimizer.resume(file);
        assertThat(resumed.observations()).isEqualTo(optimizer.observations());
        assertThat(resumed.ask()).containsExactly(optimizer.ask());
        assertThat(resumed.acquisition()).isEqualTo(optimizer.acquisition());
    }

    @Test
    void aNoisyObjectiveGetsItsNoiseFittedAndItsMinimumFound() {
        SplittableRandom noise = new SplittableRandom(11);
        BenchmarkFunction f = BenchmarkFunction.FORRESTER;
        BayesianOptimizer optimizer = BayesianOptimizer.builder(f.box()).seed(2).build();
        for (int i = 0; i < 25; i++) {
            double[] x = optimizer.ask();
            optimizer.tell(x, f.value(x) + 0.3 * noise.nextGaussian());
        }
        GpPosterior posterior = optimizer.posterior();
        assertThat(Math.sqrt(posterior.predict(new double[] {0.5}).noiseVariance())).isBetween(0.05, 1.0);
        double bestX = 0;
        double bestMean = Double.POSITIVE_INFINITY;
        for (int i = 0; i <= 1000; i++) {
            double m = posterior.predict(new double[] {i / 1000.0}).mean();
            if (m < bestMean) {
                bestMean = m;
                bestX = i / 1000.0;
            }
        }
        assertThat(bestX).isCloseTo(0.757, within(0.03));
    }

    @Test
    void acquisitionGradientsMatchFiniteDifferences() {
        for (Acquisition a : List.of(new Acquisition.ExpectedImprovement(0.05), new Acquisition.LowerConfidenceBound(2),
                new Acquisition.ProbabilityOfImprovement(0.01))) {
            double mean = 0.3;
            double std = 0.7;
            double best = 0.1;
            Acquisition.Score s = a.score(mean, std, best);
            double h = 1e-6;
            double dm = (a.score(mean + h, std, best).value() - a.score(mean - h, std, best).value()) / (2 * h);
            double ds = (a.score(mean, std + h, best).value() - a.score(mean, std - h, best).value()) / (2 * h);
            assertThat(s.dMean()).as(a.id()).isCloseTo(dm, within(1e-6));
            assertThat(s.dStd()).as(a.id()).isCloseTo(ds, within(1e-6));
        }
        assertThat(StandardNormal.cdf(0)).isCloseTo(0.5, within(1e-7));
        assertThat(StandardNormal.cdf(1.96)).isCloseTo(0.9750021048517795, within(1e-7));
        assertThat(StandardNormal.cdf(-8) / 6.22096057427178e-16).isCloseTo(1, within(1e-6));
    }

    @Test
    void benchmarkFunctionsReachTheirMinima() {
        assertThat(BenchmarkFunction.BRANIN.value(new double[] {Math.PI, 2.275})).isCloseTo(0.397887, within(1e-6));
        assertThat(BenchmarkFunction.HARTMANN6.value(new double[] {0.20169, 0.150011, 0.476874, 0.275332, 0.311652,
            0.6573})).isCloseTo(-3.32237, within(1e-5));
        assertThat(BenchmarkFunction.SIX_HUMP_CAMEL.value(new double[] {0.0898, -0.7126})).isCloseTo(-1.0316,
                within(1e-4));
        assertThat(BenchmarkFunction.FORRESTER.value(new double[] {0.757249})).isCloseTo(-6.02074, within(1e-5));
        assertThat(BenchmarkFunction.ROSENBROCK.value(new double[] {1, 1})).isZero();
        assertThat(BenchmarkFunction.ACKLEY.value(new double[] {0, 0})).isCloseTo(0, within(1e-12));
        assertThatThrownBy(() -> BenchmarkFunction.of("sphere")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("branin");
    }

    @Test
    void badBoxesAndValuesAreRefusedClearly() {
        assertThatThrownBy(() -> Box.parse("0:1,3:2")).isInstanceOf(InvalidInputException.class)
                .hasMessage("bound 2: the lower bound 3.0 must be below the upper bound 2.0");
        assertThatThrownBy(() -> Box.parse("0:1,x:2")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("numbers");
        assertThatThrownBy(() -> new Box(new double[] {1}, new double[] {1})).isInstanceOf(InvalidInputException.class);
        BayesianOptimizer optimizer = BayesianOptimizer.builder(Box.parse("0:1,0:1")).build();
        double[] x = optimizer.ask();
        assertThatThrownBy(() -> optimizer.tell(x, Double.NaN)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("NaN");
        assertThatThrownBy(() -> optimizer.tell(new double[] {2, 0.5}, 1)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("outside");
        assertThatThrownBy(() -> Acquisition.of("ucb")).isInstanceOf(InvalidInputException.class);
        assertThat(Box.parse(" -5:10, 0:15").lower()).containsExactly(-5, 0);
    }
}
