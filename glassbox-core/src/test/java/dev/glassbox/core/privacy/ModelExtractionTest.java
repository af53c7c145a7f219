package dev.glassbox.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The copy's loss gradients against finite differences; gradients make extraction cheaper; noise costs fidelity. */
class ModelExtractionTest {

    /**
     * The parameter gradient of the score (or label) and gradient-matching loss equals central differences of the loss (the
     * activation pattern does not change under steps of 1e-6 at a random point).
     */
    @Test
    void lossGradientMatchesFiniteDifferences() {
        TwoLayerNet net = TwoLayerNet.random(4, 6, 3, 1);
        SplittableRandom r = new SplittableRandom(2);
        for (int j = 0; j < 6; j++) {
            net.b1()[j] = 0.3 * TwoLayerNet.normal(r);
        }
        double[] x = {0.5, -1.2, 0.3, 0.9};
        double[] targetScores = {0.1, -0.4, 1.0};
        double[] targetGradient = {0.2, 0.1, -0.3, 0.05};
        for (double[] scores : new double[][] {targetScores, null}) {
            TwoLayerNet grad = net.zerosLike();
            net.accumulate(grad, x, scores, 0.7, 2, targetGradient, 1.3);
            double[] analytic = grad.flat();
            double[] theta = net.flat();
            for (int i = 0; i < theta.length; i++) {
                double[] plus = theta.clone();
                double[] minus = theta.clone();
                plus[i] += 1e-6;
                minus[i] -= 1e-6;
                double numeric = (loss(net, plus, x, scores, targetGradient)
                        - loss(net, minus, x, scores, targetGradient)) / 2e-6;
                assertThat(analytic[i]).as("parameter %d", i).isCloseTo(numeric, within(1e-6));
            }
            net.set(theta);
        }
    }

    private static double loss(TwoLayerNet net, double[] theta, double[] x, double[] scores, double[] gradient) {
        net.set(theta);
        return net.accumulate(net.zerosLike(), x, scores, 0.7, 2, gradient, 1.3);
    }

    /** The gradient explanation of a two-layer net equals central differences of its logit. */
    @Test
    void inputGradientIsTheLogitsDerivative() {
        TwoLayerNet net = TwoLayerNet.random(5, 7, 3, 4);
        double[] x = ModelExtraction.gaussianInputs(1, 5, 9)[0];
        double[] g = net.inputGradient(x, 1);
        for (int i = 0; i < 5; i++) {
            double[] plus = x.clone();
            double[] minus = x.clone();
            plus[i] += 1e-6;
            minus[i] -= 1e-6;
            assertThat(g[i]).isCloseTo((net.logits(plus)[1] - net.logits(minus)[1]) / 2e-6, within(1e-6));
        }
    }

    /**
     * On a 6-input, 8-unit target, 60 queries answered with labels and gradient explanations give a closer copy
     * (agreement on 2,000 held-out inputs never queried) than 60 queries answered with labels alone; noise on the released gradients lowers both
     * their fidelity and the copy's agreement.
     */
    @Test
    void gradientsMakeExtractionCheaperAndNoiseCostsFidelity() {
        TwoLayerNet target = TwoLayerNet.random(6, 8, 3, 21);
        double[][] heldOut = ModelExtraction.gaussianInputs(2000, 6, 777);
        ModelExtraction attack = new ModelExtraction(ModelExtraction.Answers.LABELS, 8, 1500, 60, 0.02, 5);
        ModelExtraction.Result scores = attack.attack(target, 60, false, 0, heldOut);
        ModelExtraction.Result gradients = attack.attack(target, 60, true, 0, heldOut);
        ModelExtraction.Result noisy = attack.attack(target, 60, true, 2.0, heldOut);
        assertThat(gradients.agreement()).isGreaterThan(scores.agreement() + 0.03);
        assertThat(gradients.explanationCosine()).isCloseTo(1.0, within(1e-12));
        assertThat(noisy.explanationCosine()).isLessThan(0.6);
        assertThat(noisy.agreement()).isLessThan(gradients.agreement());
        assertThat(ModelExtraction.agreement(target, target, heldOut)).isEqualTo(1.0);
    }

    /**
     * With three restarts the attacker keeps, of the three copies it fits (restart r starts where a single fit with
     * seed + 2r starts), the one with the lowest loss on its own queries.
     */
    @Test
    void restartsKeepTheCopyWithTheLowestLossOnTheQueries() {
        TwoLayerNet target = TwoLayerNet.random(6, 8, 3, 21);
        double[][] x = ModelExtraction.gaussianInputs(40, 6, 3);
        double[][] scores = new double[x.length][];
        int[] classes = new int[x.length];
        double[][] released = new double[x.length][];
        for (int q = 0; q < x.length; q++) {
            scores[q] = target.logits(x[q]);
            classes[q] = dev.glassbox.core.math.Vectors.argmax(scores[q]);
            released[q] = target.inputGradient(x[q], classes[q]);
        }
        ModelExtraction.Answers answers = ModelExtraction.Answers.SCORES;
        double[] best = null;
        double bestLoss = Double.POSITIVE_INFINITY;
        double worstLoss = 0;
        for (int r = 0; r < 3; r++) {
            TwoLayerNet single = new ModelExtraction(answers, 8, 300, 16, 0.01, 5 + 2L * r)
                    .fit(x, scores, classes, released, 6, 3);
            double loss = 0;
            for (int q = 0; q < x.length; q++) {
                loss += single.accumulate(single.zerosLike(), x[q], scores[q], 1.0 / (3 * x.length), classes[q],
                        released[q], 1.0 / (6 * x.length));
            }
            worstLoss = Math.max(worstLoss, loss);
            if (loss < bestLoss) {
                bestLoss = loss;
                best = single.flat();
            }
        }
        double[] kept = new ModelExtraction(answers, 8, 300, 16, 0.01, 5, 3).fit(x, scores, classes, released, 6, 3)
                .flat();

        assertThat(worstLoss).isGreaterThan(bestLoss);
        assertThat(kept).containsExactly(best);
    }
}
