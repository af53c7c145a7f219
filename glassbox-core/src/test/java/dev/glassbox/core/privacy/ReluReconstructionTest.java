package dev.glassbox.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Reconstruction from scores and gradients recovers a two-layer ReLU network's function exactly, with a few queries per
 * hidden unit whatever the input dimension; fitting from scores alone is far from it at that budget.
 */
class ReluReconstructionTest {

    /** The largest difference of any logit between target and copy on the held-out inputs. */
    private static double largestLogitGap(TwoLayerNet target, TwoLayerNet copy, double[][] heldOut) {
        double worst = 0;
        for (double[] x : heldOut) {
            double[] a = target.logits(x);
            double[] b = copy.logits(x);
            for (int k = 0; k < a.length; k++) {
                worst = Math.max(worst, Math.abs(a[k] - b[k]));
            }
        }
        return worst;
    }

    /**
     * He-initialised targets (hyperplanes through the origin) and one with random biases, at 10 and 50 inputs: every
     * unit found, logits equal to 1e-8 on 2,000 held-out inputs, and at most five queries per unit (plus the ends).
     */
    @Test
    void recoversTheNetworkExactlyWithFewQueriesPerUnit() {
        TwoLayerNet biased = TwoLayerNet.random(10, 20, 3, 7);
        SplittableRandom r = new SplittableRandom(8);
        for (int j = 0; j < 20; j++) {
            biased.b1()[j] = TwoLayerNet.normal(r);
        }
        for (int k = 0; k < 3; k++) {
            biased.b2()[k] = TwoLayerNet.normal(r);
        }
        TwoLayerNet[] targets = {TwoLayerNet.random(10, 20, 3, 0), TwoLayerNet.random(10, 20, 3, 1),
            TwoLayerNet.random(50, 20, 3, 2), TwoLayerNet.random(50, 20, 4, 3), biased};
        for (TwoLayerNet target : targets) {
            ReluReconstruction.Result result = new ReluReconstruction(1e4, 1000, 11).reconstruct(target);
            double[][] heldOut = ModelExtraction.gaussianInputs(2000, target.inputs(), 12);
            assertThat(result.units()).isEqualTo(20);
            assertThat(result.queries()).isLessThanOrEqualTo(5 * 20 + 2);
            assertThat(largestLogitGap(target, result.copy(), heldOut)).isLessThan(1e-8);
            assertThat(ModelExtraction.agreement(target, result.copy(), heldOut)).isEqualTo(1.0);
        }
    }

    /**
     * Wider than inputs × classes (40 units, 5 inputs, 3 classes): the units' orientations cannot be solved, the copy
     * keeps a linear term (two units per class) and is still exact, after one line's queries.
     */
    @Test
    void keepsTheLinearTermWhenOrientationsCannotBeSolved() {
        TwoLayerNet target = TwoLayerNet.random(5, 40, 3, 1);
        ReluReconstruction.Result result = new ReluReconstruction(1e4, 2000, 11).reconstruct(target);
        assertThat(result.units()).isEqualTo(40);
        assertThat(result.copy().b1()).hasSize(40 + 2 * 3);
        assertThat(result.queries()).isLessThanOrEqualTo(5 * 40 + 2);
        assertThat(largestLogitGap(target, result.copy(), ModelExtraction.gaussianInputs(2000, 5, 12)))
                .isLessThan(1e-8);
    }

    /** At the reconstruction's budget, a copy fitted to the scores alone agrees with the target far less. */
    @Test
    void fittingScoresAloneAtTheSameBudgetFallsShort() {
        TwoLayerNet target = TwoLayerNet.random(50, 20, 3, 2);
        double[][] heldOut = ModelExtraction.gaussianInputs(2000, 50, 12);
        ReluReconstruction.Result result = new ReluReconstruction(1e4, 1000, 11).reconstruct(target);
        ModelExtraction fit = new ModelExtraction(ModelExtraction.Answers.SCORES, 20, 3000, 128, 0.01, 5);
        assertThat(fit.attack(target, result.queries(), false, 0, heldOut).agreement()).isLessThan(0.85);
    }

    /** The same seed makes the same queries and the same copy; a budget stops the search and still gives a copy. */
    @Test
    void seededAndBounded() {
        TwoLayerNet target = TwoLayerNet.random(10, 20, 3, 4);
        ReluReconstruction.Result a = new ReluReconstruction(1e4, 1000, 3).reconstruct(target);
        ReluReconstruction.Result b = new ReluReconstruction(1e4, 1000, 3).reconstruct(target);
        assertThat(b.queries()).isEqualTo(a.queries());
        assertThat(b.copy().w1()).isDeepEqualTo(a.copy().w1());
        assertThat(b.copy().w2()).isDeepEqualTo(a.copy().w2());
        ReluReconstruction.Result cut = new ReluReconstruction(1e4, 20, 3).reconstruct(target);
        assertThat(cut.queries()).isLessThanOrEqualTo(20);
        assertThat(cut.units()).isLessThan(20);
        assertThat(cut.copy().logits(new double[10])).hasSize(3);
    }

    /** A segment too short to cross every hyperplane misses units, and the copy is then not exact. */
    @Test
    void aShortSegmentMissesUnits() {
        TwoLayerNet target = TwoLayerNet.random(10, 20, 3, 0);
        ReluReconstruction.Result result = new ReluReconstruction(0.3, 1000, 11).reconstruct(target);
        assertThat(result.units()).isLessThan(20);
        assertThat(largestLogitGap(target, result.copy(), ModelExtraction.gaussianInputs(2000, 10, 12)))
                .isGreaterThan(1e-3);
    }
}
