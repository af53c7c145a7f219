package dev.glassbox.djl.interpretable;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SurrogateTest {

    /** A model that is a depth-2 tree: class 0 when x0 ≤ 0.5, else 2 when x1 > 0.3, else 1. */
    private static int[] treeModel(float[][] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[i][0] <= 0.5f ? 0 : rows[i][1] > 0.3f ? 2 : 1;
        }
        return out;
    }

    @Test
    void treeRecoversATreeShapedModelOnDataItWasNotFittedOn() {
        float[][] fit = InterpretableNets.uniform(400, 5, 11);
        float[][] heldOut = InterpretableNets.uniform(2000, 5, 12);
        TreeSurrogate tree = TreeSurrogate.fit(fit, treeModel(fit), 3);
        assertThat(tree.fidelity(heldOut, treeModel(heldOut))).isGreaterThan(0.97);
        // one split cannot tell three classes apart: about a third of the held-out points must disagree
        TreeSurrogate stump = TreeSurrogate.fit(fit, treeModel(fit), 1);
        assertThat(stump.size()).isEqualTo(2);
        assertThat(stump.fidelity(heldOut, treeModel(heldOut))).isBetween(0.70, 0.90);
    }

    @Test
    void sparseLinearSurrogateFindsTheTwoFeaturesTheScoresUse() {
        float[][] fit = InterpretableNets.uniform(300, 20, 13);
        float[][] heldOut = InterpretableNets.uniform(1000, 20, 14);
        SparseLinearSurrogate linear = SparseLinearSurrogate.fit(fit, linearScores(fit), 2);
        assertThat(linear.size()).isEqualTo(2);
        assertThat(linear.fidelity(heldOut, NearestExamples.predictions(linearScores(heldOut)))).isGreaterThan(0.98);
        double[] scores = linear.scores(heldOut[0]);
        float[] truth = linearScores(new float[][] {heldOut[0]})[0];
        for (int c = 0; c < 3; c++) {
            assertThat(scores[c]).isCloseTo(truth[c], org.assertj.core.api.Assertions.within(0.05));
        }
    }

    /** Three class scores that depend on features 2 and 7 only. */
    private static float[][] linearScores(float[][] rows) {
        float[][] out = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            float a = rows[i][2];
            float b = rows[i][7];
            out[i] = new float[] {3 * a - b, 1 - 2 * a + b, 2 * b - a - 0.5f};
        }
        return out;
    }
}
