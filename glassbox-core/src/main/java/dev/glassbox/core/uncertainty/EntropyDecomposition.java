package dev.glassbox.core.uncertainty;

import java.util.Arrays;

/**
 * The split of predictive uncertainty into its aleatoric and epistemic parts for each sample (Depeweg et al. 2018;
 * Gal 2016), in nats. With {@code p̄} the mean of the members' distributions {@code p_t}:
 * <ul>
 *   <li>predictive (total) entropy {@code H[p̄]};</li>
 *   <li>expected entropy {@code (1/T) Σ_t H[p_t]}, the aleatoric part: noise every member agrees on;</li>
 *   <li>mutual information {@code H[p̄] − (1/T) Σ_t H[p_t]} between the prediction and the model, the epistemic
 *       part: how much the members disagree. It is also the mean KL divergence of the members from their mean. It
 *       lies in [0, log K], is 0 when all members agree and log K when K members are sure of K different classes.</li>
 * </ul>
 *
 * @param predictiveEntropy {@code H[p̄]} per sample
 * @param expectedEntropy the members' mean entropy per sample (aleatoric)
 * @param mutualInformation their difference per sample (epistemic), never negative
 */
public record EntropyDecomposition(double[] predictiveEntropy, double[] expectedEntropy, double[] mutualInformation) {

    /** The decomposition of each sample's predictions. */
    public static EntropyDecomposition of(StochasticPredictions predictions) {
        double[][] mean = predictions.mean();
        int n = predictions.samples();
        double[] predictive = new double[n];
        double[] expected = new double[n];
        double[] mutual = new double[n];
        for (int i = 0; i < n; i++) {
            predictive[i] = Probabilities.entropy(mean[i]);
            for (double[][] member : predictions.probabilities()) {
                expected[i] += Probabilities.entropy(member[i]) / predictions.members();
            }
            // Jensen's inequality makes the difference non-negative; only rounding could take it below 0.
            mutual[i] = Math.max(predictive[i] - expected[i], 0);
        }
        return new EntropyDecomposition(predictive, expected, mutual);
    }

    /** The mean predictive entropy over samples. */
    public double meanPredictiveEntropy() {
        return Arrays.stream(predictiveEntropy).average().orElseThrow();
    }

    /** The mean expected entropy over samples (aleatoric). */
    public double meanExpectedEntropy() {
        return Arrays.stream(expectedEntropy).average().orElseThrow();
    }

    /** The mean mutual information over samples (epistemic). */
    public double meanMutualInformation() {
        return Arrays.stream(mutualInformation).average().orElseThrow();
    }
}
