package dev.glassbox.core.explain.perturb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Three diners share a taxi: alone they would pay 400, 560 and 720; pairs and the three together pay less. The fair
 * split is the Shapley value, computed here by hand from its formula.
 */
class BillSplittingGameTest {
    private static final int A = 1;
    private static final int B = 2;
    private static final int C = 4;

    /** v(∅)=0, v(A)=400, v(B)=560, v(C)=720, v(AB)=800, v(AC)=920, v(BC)=1040, v(ABC)=1200. */
    private static double cost(int coalition) {
        return switch (coalition) {
            case 0 -> 0;
            case A -> 400;
            case B -> 560;
            case C -> 720;
            case A | B -> 800;
            case A | C -> 920;
            case B | C -> 1040;
            case A | B | C -> 1200;
            default -> throw new IllegalArgumentException("no such coalition " + coalition);
        };
    }

    /**
     * φ_i = Σ_{S ⊆ N∖{i}} |S|! (n−|S|−1)! / n! · (v(S ∪ {i}) − v(S)); with n = 3 the weights are 1/3 for |S| = 0 and
     * |S| = 2, and 1/6 for |S| = 1.
     */
    private static double shapleyByHand(int i, int j, int k) {
        return (cost(i) - cost(0)) / 3
                + (cost(i | j) - cost(j)) / 6
                + (cost(i | k) - cost(k)) / 6
                + (cost(i | j | k) - cost(j | k)) / 3;
    }

    private static final double[] EXPECTED = {shapleyByHand(A, B, C), shapleyByHand(B, A, C), shapleyByHand(C, A, B)};

    private static TableGame game() {
        return TableGame.ofBits(3, BillSplittingGameTest::cost);
    }

    @Test
    void theHandComputedSplitIsTheClassicOne() {
        assertThat(EXPECTED).containsExactly(new double[] {260, 400, 540}, within(1e-9));
    }

    @Test
    void exactEnumerationHitsTheShapleyValues() {
        Estimate e = ShapleyExact.create().attribute(game());

        assertThat(e.values()).containsExactly(EXPECTED, within(1e-9));
        assertThat(e.diagnostics()).containsEntry("coalitions", 8.0);
        assertThat(e.diagnostics().get("additivityError")).isLessThan(1e-9);
    }

    @Test
    void kernelShapWithFullEnumerationHitsTheShapleyValues() {
        Estimate e = KernelShap.builder().samples(100).seed(1).build().attribute(game());

        assertThat(e.values()).containsExactly(EXPECTED, within(1e-9));
        assertThat(e.diagnostics()).containsEntry("exact", 1.0).containsEntry("expectedValue", 0.0)
                .containsEntry("modelPrediction", 1200.0);
        assertThat(e.diagnostics().get("additivityError")).isLessThan(1e-9);
    }

    @Test
    void permutationSamplingLandsWithinThreeStandardErrors() {
        Estimate e = ShapleySampling.builder().permutations(100).seed(3).build().attribute(game());

        for (int i = 0; i < 3; i++) {
            assertThat(e.standardErrors()[i]).isGreaterThan(0);
            assertThat(e.values()[i]).isCloseTo(EXPECTED[i], within(3 * e.standardErrors()[i]));
        }
        assertThat(e.values()[0] + e.values()[1] + e.values()[2]).isCloseTo(1200, within(1e-9));
    }
}
