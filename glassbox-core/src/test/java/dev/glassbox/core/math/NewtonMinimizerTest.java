package dev.glassbox.core.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class NewtonMinimizerTest {
    private final NewtonMinimizer newton = new NewtonMinimizer(1e-10, 50);

    @Test
    void solvesAQuadraticInOneStep() {
        // f(x) = ½ xᵀAx − bᵀx with A = [[4, 1], [1, 3]], b = (1, 2): the minimum is A⁻¹b = (1/11, 7/11).
        NewtonMinimizer.Objective quadratic = objective(
                x -> 0.5 * (4 * x[0] * x[0] + 2 * x[0] * x[1] + 3 * x[1] * x[1]) - x[0] - 2 * x[1],
                x -> new double[] {4 * x[0] + x[1] - 1, x[0] + 3 * x[1] - 2},
                x -> new double[][] {{4, 1}, {1, 3}});

        NewtonMinimizer.Result result = newton.minimize(quadratic, new double[] {5, -5});

        assertThat(result.converged()).isTrue();
        assertThat(result.iterations()).isEqualTo(1);
        assertThat(result.argmin()).containsExactly(new double[] {1 / 11.0, 7 / 11.0}, within(1e-12));
    }

    @Test
    void staysInsideTheDomainByShorteningSteps() {
        // f(x) = x − log x on x > 0: the first full Newton step from 10 lands at −80.
        NewtonMinimizer.Objective function = objective(
                x -> x[0] > 0 ? x[0] - Math.log(x[0]) : Double.POSITIVE_INFINITY,
                x -> new double[] {1 - 1 / x[0]},
                x -> new double[][] {{1 / (x[0] * x[0])}});

        NewtonMinimizer.Result result = newton.minimize(function, new double[] {10});

        assertThat(result.converged()).isTrue();
        assertThat(result.argmin()[0]).isCloseTo(1, within(1e-9));
        assertThat(result.value()).isCloseTo(1, within(1e-12));
    }

    @Test
    void dampsASingularHessian() {
        // f(x, y) = (x + y − 1)² is flat along x − y: any point with x + y = 1 is a minimum.
        NewtonMinimizer.Objective flat = objective(
                x -> Math.pow(x[0] + x[1] - 1, 2),
                x -> new double[] {2 * (x[0] + x[1] - 1), 2 * (x[0] + x[1] - 1)},
                x -> new double[][] {{2, 2}, {2, 2}});

        NewtonMinimizer.Result result = newton.minimize(flat, new double[] {3, 4});

        assertThat(result.converged()).isTrue();
        assertThat(result.argmin()[0] + result.argmin()[1]).isCloseTo(1, within(1e-9));
    }

    @Test
    void reportsWhenTheIterationsRunOut() {
        NewtonMinimizer.Objective exponential = objective(
                x -> Math.exp(x[0]) - 2 * x[0],
                x -> new double[] {Math.exp(x[0]) - 2},
                x -> new double[][] {{Math.exp(x[0])}});

        NewtonMinimizer.Result oneStep = new NewtonMinimizer(1e-10, 1).minimize(exponential, new double[] {10});
        NewtonMinimizer.Result solved = newton.minimize(exponential, new double[] {10});

        assertThat(oneStep.converged()).isFalse();
        assertThat(oneStep.iterations()).isEqualTo(1);
        assertThat(solved.converged()).isTrue();
        assertThat(solved.argmin()[0]).isCloseTo(Math.log(2), within(1e-10));
    }

    @Test
    void rejectsSettingsThatCannotStop() {
        assertThatThrownBy(() -> new NewtonMinimizer(0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NewtonMinimizer(1e-6, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static NewtonMinimizer.Objective objective(ToDoubleFunction<double[]> value,
            Function<double[], double[]> gradient,
            Function<double[], double[][]> hessian) {
        return new NewtonMinimizer.Objective() {
            @Override
            public double value(double[] x) {
                return value.applyAsDouble(x);
            }

            @Override
            public NewtonMinimizer.Evaluation evaluate(double[] x) {
                return new NewtonMinimizer.Evaluation(value.applyAsDouble(x), gradient.apply(x), hessian.apply(x));
            }
        };
    }
}
