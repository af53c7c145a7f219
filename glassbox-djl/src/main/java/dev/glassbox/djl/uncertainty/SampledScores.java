package dev.glassbox.djl.uncertainty;

import dev.glassbox.core.uncertainty.StochasticPredictions;
import java.util.Arrays;

/**
 * The raw scores of T stochastic passes over the same N samples (MC dropout masks or Bayesian weight draws), with
 * their mean and spread per output. For classifiers {@link #probabilities()} turns each pass's logits into class
 * probabilities for the metrics of {@code dev.glassbox.core.uncertainty}.
 *
 * @param scores {@code T × N × K} scores, indexed {@code [pass][sample][output]}
 */
public record SampledScores(float[][][] scores) {

    /** T, the number of passes. */
    public int passes() {
        return scores.length;
    }

    /** N, the number of samples. */
    public int samples() {
        return scores[0].length;
    }

    /** The mean score over the passes, {@code N × K}. */
    public double[][] mean() {
        double[][] mean = new double[samples()][scores[0][0].length];
        for (float[][] pass : scores) {
            for (int i = 0; i < mean.length; i++) {
                for (int k = 0; k < mean[i].length; k++) {
                    mean[i][k] += pass[i][k] / (double) passes();
                }
            }
        }
        return mean;
    }

    /** The standard deviation of the scores over the passes (dividing by T), {@code N × K}. */
    public double[][] standardDeviation() {
        double[][] mean = mean();
        double[][] deviation = new double[mean.length][mean[0].length];
        for (float[][] pass : scores) {
            for (int i = 0; i < mean.length; i++) {
                for (int k = 0; k < mean[i].length; k++) {
                    double d = pass[i][k] - mean[i][k];
                    deviation[i][k] += d * d / passes();
                }
            }
        }
        for (double[] row : deviation) {
            for (int k = 0; k < row.length; k++) {
                row[k] = Math.sqrt(row[k]);
            }
        }
        return deviation;
    }

    /** The softmax of each pass's scores, for classifiers that return logits. */
    public StochasticPredictions probabilities() {
        return StochasticPredictions.ofLogits(Arrays.asList(scores));
    }
}
