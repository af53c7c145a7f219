package dev.glassbox.core.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.glassbox.core.math.Vectors;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EntropyDecompositionTest {

    @Test
    void identicalMembersHaveNoMutualInformation() {
        double[][] member = {{.2, .3, .5}, {.9, .05, .05}};
        StochasticPredictions same = new StochasticPredictions(new double[][][] {member, member, member});

        EntropyDecomposition decomposition = EntropyDecomposition.of(same);

        assertThat(decomposition.mutualInformation()).containsExactly(new double[] {0, 0}, within(1e-12));
        assertThat(decomposition.predictiveEntropy()[0]).isCloseTo(
                -(.2 * Math.log(.2) + .3 * Math.log(.3) + .5 * Math.log(.5)), within(1e-12));
        assertThat(decomposition.expectedEntropy()).containsExactly(decomposition.predictiveEntropy(),
                within(1e-12));
    }

    @Test
    void oneHotMembersThatAllDisagreeHaveMutualInformationLogK() {
        int classes = 4;
        double[][][] members = new double[classes][1][classes];
        for (int t = 0; t < classes; t++) {
            members[t][0][t] = 1;
        }

        EntropyDecomposition decomposition = EntropyDecomposition.of(new StochasticPredictions(members));

        assertThat(decomposition.predictiveEntropy()[0]).isCloseTo(Math.log(classes), within(1e-12));
        assertThat(decomposition.expectedEntropy()[0]).isZero();
        assertThat(decomposition.mutualInformation()[0]).isCloseTo(Math.log(classes), within(1e-12));
    }

    @Test
    void mutualInformationIsTheMeanKlDivergenceOfMembersFromTheirMean() {
        StochasticPredictions predictions = randomMembers(5, 40, 3, 8);
        double[][] mean = predictions.mean();

        double[] mutual = OodScores.mutualInformation(predictions);

        for (int i = 0; i < predictions.samples(); i++) {
            double kl = 0;
            for (double[][] member : predictions.probabilities()) {
                for (int k = 0; k < predictions.classes(); k++) {
                    kl += member[i][k] * Math.log(member[i][k] / mean[i][k]) / predictions.members();
                }
            }
            assertThat(mutual[i]).isCloseTo(kl, within(1e-12));
        }
    }

    @Test
    void theDecompositionAddsUpAndTheMeansAverageIt() {
        StochasticPredictions predictions = randomMembers(6, 30, 5, 9);

        EntropyDecomposition decomposition = EntropyDecomposition.of(predictions);

        for (int i = 0; i < predictions.samples(); i++) {
            assertThat(decomposition.expectedEntropy()[i] + decomposition.mutualInformation()[i])
                    .isCloseTo(decomposition.predictiveEntropy()[i], within(1e-12));
            assertThat(decomposition.mutualInformation()[i]).isBetween(0.0, Math.log(5));
        }
        assertThat(decomposition.meanExpectedEntropy() + decomposition.meanMutualInformation())
                .isCloseTo(decomposition.meanPredictiveEntropy(), within(1e-12));
    }

    @Test
    void logitsOfEachMemberGoThroughSoftmax() {
        StochasticPredictions predictions = StochasticPredictions.ofLogits(List.of(
                new float[][] {{0, 0}, {2, 0}}, new float[][] {{0, 0}, {0, 2}}));

        assertThat(predictions.members()).isEqualTo(2);
        assertThat(predictions.samples()).isEqualTo(2);
        assertThat(predictions.classes()).isEqualTo(2);
        assertThat(predictions.mean()[0]).containsExactly(new double[] {.5, .5}, within(1e-12));
        assertThat(predictions.mean()[1]).containsExactly(new double[] {.5, .5}, within(1e-12));
    }

    @Test
    void regressionMembersSplitIntoMeanOfVariancesAndVarianceOfMeans() {
        double[][] means = {{1, 10}, {3, 10}, {5, 10}};
        double[][] variances = {{0.5, 2}, {1.0, 2}, {1.5, 2}};

        RegressionUncertainty uncertainty = RegressionUncertainty.ofGaussianMembers(means, variances);

        assertThat(uncertainty.mean()).containsExactly(3, 10);
        assertThat(uncertainty.aleatoric()).containsExactly(new double[] {1, 2}, within(1e-12));
        assertThat(uncertainty.epistemic()).containsExactly(new double[] {8 / 3.0, 0}, within(1e-12));
        assertThat(uncertainty.total()).containsExactly(new double[] {11 / 3.0, 2}, within(1e-12));
    }

    @Test
    void badStochasticInputIsRejected() {
        InvalidInputTest.rejects(() -> new StochasticPredictions(new double[0][][]),
                "stochastic predictions need at least one member, got none");
        InvalidInputTest.rejects(() -> new StochasticPredictions(new double[][][] {{{.5, .5}}, {{.5, .5}, {1, 0}}}),
                "member 1 predicts 2 samples × 2 classes but member 0 predicts 1 × 2, expected every member to "
                        + "predict the same samples");
        InvalidInputTest.rejects(() -> new StochasticPredictions(new double[][][] {{{.5, .5}}, {{.5, .6}}}),
                "probabilities row 0 sums to 1.1, expected 1 (± 1.0E-4); turn logits into probabilities with "
                        + "Probabilities.softmax");
        InvalidInputTest.rejects(() -> RegressionUncertainty.ofGaussianMembers(new double[][] {{1}},
                new double[][] {{-1}}), "variance of member 0 at sample 0 is -1.0, expected a value ≥ 0");
        InvalidInputTest.rejects(() -> RegressionUncertainty.ofGaussianMembers(new double[][] {{1, 2}, {1}},
                new double[][] {{1, 1}, {1}}), "samples of member 0 and member 1 differ in length: 2 and 1");
        InvalidInputTest.rejects(() -> RegressionUncertainty.ofGaussianMembers(new double[][] {{Double.NaN}},
                new double[][] {{1}}), "means of member 0 have NaN at index 0, expected finite numbers");
    }

    /** Members whose probabilities are the softmax of independent Gaussian logits. */
    static StochasticPredictions randomMembers(int members, int samples, int classes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][][] probabilities = new double[members][samples][];
        for (int t = 0; t < members; t++) {
            for (int i = 0; i < samples; i++) {
                double[] logits = new double[classes];
                for (int k = 0; k < classes; k++) {
                    logits[k] = 2 * Synthetic.gaussian(random);
                }
                probabilities[t][i] = Vectors.softmax(logits);
            }
        }
        return new StochasticPredictions(probabilities);
    }
}
