package dev.glassbox.core.explain.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.model.Shape;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class IntegrationRuleTest {

    private static double integrate(IntegrationRule rule, int n, DoubleUnaryOperator f) {
        IntegrationRule.Nodes nodes = rule.nodes(n);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += nodes.weights()[i] * f.applyAsDouble(nodes.alphas()[i]);
        }
        return sum;
    }

    @Test
    void everyRuleIntegratesConstantsAndConvergesOnSmoothFunctions() {
        for (IntegrationRule rule : IntegrationRule.values()) {
            assertThat(integrate(rule, 9, a -> 1)).as(rule.name()).isCloseTo(1, within(1e-12));
            assertThat(integrate(rule, 400, Math::exp)).as(rule.name()).isCloseTo(Math.E - 1, within(5e-3));
        }
    }

    @Test
    void gaussLegendreIsExactUpToDegreeTwoNMinusOne() {
        assertThat(integrate(IntegrationRule.GAUSS_LEGENDRE, 3, a -> Math.pow(a, 5))).isCloseTo(1.0 / 6, within(1e-14));
        assertThat(integrate(IntegrationRule.GAUSS_LEGENDRE, 3, a -> Math.pow(a, 6))).isNotCloseTo(1.0 / 7, within(1e-8));
        // numpy.polynomial.legendre.leggauss(2): nodes ±1/√3, weights 1, mapped to [0, 1]
        IntegrationRule.Nodes two = IntegrationRule.GAUSS_LEGENDRE.nodes(2);
        assertThat(two.alphas()).containsExactly(new double[] {0.5 - 0.5 / Math.sqrt(3), 0.5 + 0.5 / Math.sqrt(3)}, within(1e-15));
        assertThat(two.weights()).containsExactly(new double[] {0.5, 0.5}, within(1e-15));
    }

    @Test
    void riemannPointsFollowCaptum() {
        assertThat(IntegrationRule.LEFT.nodes(4).alphas()).containsExactly(0, 0.25, 0.5, 0.75);
        assertThat(IntegrationRule.RIGHT.nodes(4).alphas()).containsExactly(0.25, 0.5, 0.75, 1);
        assertThat(IntegrationRule.MIDDLE.nodes(2).alphas()).containsExactly(0.25, 0.75);
        assertThat(IntegrationRule.TRAPEZOID.nodes(3).weights()).containsExactly(0.25, 0.5, 0.25);
        assertThatThrownBy(() -> IntegrationRule.TRAPEZOID.nodes(1)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> IntegrationRule.parse("simpson")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("gauss-legendre");
    }

    @Test
    void blurredBaselineKeepsTheMeanOfAConstantImageAndSmoothsAnEdge() {
        float[] constant = new float[2 * 5 * 5];
        java.util.Arrays.fill(constant, 0.7f);
        float[] blurred = PathBaseline.blurred(1.5).references(constant, Shape.of(2, 5, 5)).get(0);
        for (float v : blurred) {
            assertThat(v).isCloseTo(0.7f, within(1e-6f));
        }
        float[] edge = new float[25];
        for (int y = 0; y < 5; y++) {
            for (int x = 3; x < 5; x++) {
                edge[y * 5 + x] = 1f;
            }
        }
        float[] smooth = PathBaseline.blurred(1).references(edge, Shape.of(1, 5, 5)).get(0);
        assertThat(smooth[2]).isBetween(0.05f, 0.95f);
        assertThat(smooth[0]).isLessThan(smooth[2]);
    }

    @Test
    void noiseBaselinesAreSeeded() {
        PathBaseline a = PathBaseline.uniformNoise(0, 1, 2, 7);
        float[] input = new float[10];
        assertThat(a.references(input, Shape.of(10)).get(1)).containsExactly(
                PathBaseline.uniformNoise(0, 1, 2, 7).references(input, Shape.of(10)).get(1));
        assertThat(a.references(input, Shape.of(10)).get(0)).isNotEqualTo(
                PathBaseline.uniformNoise(0, 1, 2, 8).references(input, Shape.of(10)).get(0));
    }
}
