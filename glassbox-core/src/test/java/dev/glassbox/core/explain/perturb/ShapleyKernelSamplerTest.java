package dev.glassbox.core.explain.perturb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Kernel SHAP's choice of coalitions. */
class ShapleyKernelSamplerTest {

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }

    private static String key(boolean[] c) {
        StringBuilder b = new StringBuilder();
        for (boolean x : c) {
            b.append(x ? '1' : '0');
        }
        return b.toString();
    }

    @Test
    void aBudgetCoveringAllCoalitionsEnumeratesThemWithShapleyKernelWeights() {
        ShapleyKernelSampler.Plan plan = ShapleyKernelSampler.plan(4, 1000, new SplittableRandom(0));

        assertThat(plan.complete()).isTrue();
        assertThat(plan.coalitions()).hasSize(14);
        Set<String> distinct = new HashSet<>();
        for (int i = 0; i < plan.coalitions().size(); i++) {
            boolean[] c = plan.coalitions().get(i);
            distinct.add(key(c));
            int s = Coalitions.size(c);
            // The Shapley kernel (M−1) / (C(M,s) s (M−s)), normalised over all coalitions.
            double kernel = 3.0 / (ShapleyKernelSampler.binomial(4, s) * s * (4 - s));
            double total = 4 * (3.0 / (4 * 1 * 3)) * 2 + 6 * (3.0 / (6 * 2 * 2));
            assertThat(plan.weights()[i]).isCloseTo(kernel / total, within(1e-12));
        }
        assertThat(distinct).hasSize(14);
    }

    @Test
    void aSmallBudgetSamplesDistinctComplementaryPairs() {
        ShapleyKernelSampler.Plan plan = ShapleyKernelSampler.plan(12, 200, new SplittableRandom(5));

        assertThat(plan.complete()).isFalse();
        assertThat(plan.coalitions()).hasSize(200);
        assertThat(sum(plan.weights())).isCloseTo(1, within(1e-9));
        Set<String> distinct = new HashSet<>();
        for (boolean[] c : plan.coalitions()) {
            distinct.add(key(c));
        }
        assertThat(distinct).hasSize(200);
        // Each sampled coalition comes with its complement, except the last when the budget ends between the two.
        for (boolean[] c : plan.coalitions().subList(0, plan.coalitions().size() - 1)) {
            boolean[] complement = new boolean[c.length];
            for (int i = 0; i < c.length; i++) {
                complement[i] = !c[i];
            }
            if (Coalitions.size(c) != 6) {
                assertThat(distinct).as("complement of %s", key(c)).contains(key(complement));
            }
        }
    }
}
