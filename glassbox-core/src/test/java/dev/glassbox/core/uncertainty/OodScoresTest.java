package dev.glassbox.core.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OodScoresTest {

    @Test
    void singleModelScoresFollowTheirClosedForms() {
        double[][] probabilities = {{.9, .05, .05}, {1 / 3.0, 1 / 3.0, 1 / 3.0}};

        assertThat(OodScores.maxSoftmax(probabilities)).containsExactly(new double[] {.1, 2 / 3.0}, within(1e-12));
        assertThat(OodScores.entropy(probabilities)[1]).isCloseTo(Math.log(3), within(1e-12));
        assertThat(OodScores.energy(new float[][] {{0, 0}, {100, 100}}))
                .containsExactly(new double[] {-Math.log(2), -100 - Math.log(2)}, within(1e-9));
    }

    @Test
    void memberVarianceIsTheSpreadOfMembersAroundTheirMean() {
        StochasticPredictions predictions = new StochasticPredictions(new double[][][] {
                {{1, 0}, {.5, .5}}, {{0, 1}, {.5, .5}}});

        // Sample 0: each member is (±0.5, ∓0.5) from the mean (0.5, 0.5), squared norm 0.5. Sample 1 agrees.
        assertThat(OodScores.memberVariance(predictions)).containsExactly(new double[] {.5, 0}, within(1e-12));
    }

    @Test
    void scoresSeparateConfidentFromConfusedPredictions() {
        SplittableRandom random = new SplittableRandom(17);
        int n = 400;
        int classes = 5;
        float[][] inLogits = new float[n][classes];
        float[][] outLogits = new float[n][classes];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < classes; k++) {
                inLogits[i][k] = (float) Synthetic.gaussian(random);
                outLogits[i][k] = (float) Synthetic.gaussian(random);
            }
            inLogits[i][random.nextInt(classes)] += 5;
        }
        double[][] in = Probabilities.softmax(inLogits);
        double[][] out = Probabilities.softmax(outLogits);

        assertThat(OodEvaluation.of(OodScores.maxSoftmax(in), OodScores.maxSoftmax(out)).auroc()).isGreaterThan(0.9);
        assertThat(OodEvaluation.of(OodScores.entropy(in), OodScores.entropy(out)).auroc()).isGreaterThan(0.9);
        assertThat(OodEvaluation.of(OodScores.energy(inLogits), OodScores.energy(outLogits)).auroc())
                .isGreaterThan(0.9);
    }

    @Test
    void ensembleScoresFlagSamplesTheMembersDisagreeOn() {
        int members = 5;
        int n = 200;
        double[][][] probabilities = new double[members][2 * n][];
        SplittableRandom random = new SplittableRandom(23);
        for (int i = 0; i < 2 * n; i++) {
            int agreed = random.nextInt(3);
            for (int t = 0; t < members; t++) {
                int predicted = i < n ? agreed : random.nextInt(3);
                double[] row = {.1, .1, .1};
                row[predicted] = .8;
                probabilities[t][i] = row;
            }
        }
        StochasticPredictions predictions = new StochasticPredictions(probabilities);
        double[] mutual = OodScores.mutualInformation(predictions);
        double[] variance = OodScores.memberVariance(predictions);

        OodEvaluation byMutual = OodEvaluation.of(Arrays.copyOf(mutual, n),
                Arrays.copyOfRange(mutual, n, 2 * n));
        OodEvaluation byVariance = OodEvaluation.of(Arrays.copyOf(variance, n),
                Arrays.copyOfRange(variance, n, 2 * n));

        assertThat(byMutual.auroc()).isGreaterThan(0.95);
        assertThat(byVariance.auroc()).isGreaterThan(0.95);
    }
}
