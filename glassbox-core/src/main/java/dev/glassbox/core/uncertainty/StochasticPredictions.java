package dev.glassbox.core.uncertainty;

import dev.glassbox.core.InvalidInputException;
import java.util.List;

/**
 * Several predictions of the same samples: T stochastic forward passes (MC dropout), T ensemble members or T draws
 * from a Bayesian network's weights, each an {@code N × K} matrix of class probabilities.
 *
 * @param probabilities {@code T × N × K} class probabilities, indexed {@code [member][sample][class]}
 */
public record StochasticPredictions(double[][][] probabilities) {

    /** Checks that every member is a valid probability matrix of the same shape. */
    public StochasticPredictions {
        if (probabilities.length == 0) {
            throw new InvalidInputException("stochastic predictions need at least one member, got none");
        }
        int samples = probabilities[0].length;
        int classes = Checks.probabilities(probabilities[0]);
        for (int t = 1; t < probabilities.length; t++) {
            int memberClasses = Checks.probabilities(probabilities[t]);
            if (probabilities[t].length != samples || memberClasses != classes) {
                throw new InvalidInputException("member " + t + " predicts " + probabilities[t].length + " samples × "
                        + memberClasses + " classes but member 0 predicts " + samples + " × " + classes
                        + ", expected every member to predict the same samples");
            }
        }
    }

    /** The softmax of each member's logits. */
    public static StochasticPredictions ofLogits(List<float[][]> logits) {
        return new StochasticPredictions(logits.stream().map(Probabilities::softmax).toArray(double[][][]::new));
    }

    /** T, the number of members or passes. */
    public int members() {
        return probabilities.length;
    }

    /** N, the number of samples. */
    public int samples() {
        return probabilities[0].length;
    }

    /** K, the number of classes. */
    public int classes() {
        return probabilities[0][0].length;
    }

    /** The predictive distribution: the members' mean probabilities, {@code N × K}. */
    public double[][] mean() {
        double[][] mean = new double[samples()][classes()];
        for (double[][] member : probabilities) {
            for (int i = 0; i < mean.length; i++) {
                for (int k = 0; k < mean[i].length; k++) {
                    mean[i][k] += member[i][k] / members();
                }
            }
        }
        return mean;
    }
}
