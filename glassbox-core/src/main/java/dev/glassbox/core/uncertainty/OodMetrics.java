package dev.glassbox.core.uncertainty;

import dev.glassbox.core.InvalidInputException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * How well a score separates out-of-distribution (OOD) samples from in-distribution (ID) ones. Scores follow the
 * {@link OodScores} convention, higher = more OOD, and OOD samples are the positive class.
 */
public final class OodMetrics {
    /** The true-positive rate at which {@link #fprAt95Tpr} reads the false-positive rate. */
    public static final double TPR_95 = 0.95;

    private OodMetrics() {
    }

    /**
     * The area under the ROC curve: the probability that a random OOD sample scores above a random ID sample, ties
     * counting one half. This is the Mann–Whitney U statistic {@code U / (n_OOD · n_ID)}, computed from mid-ranks in
     * {@code O(n log n)}.
     */
    public static double auroc(double[] inDistribution, double[] outOfDistribution) {
        Checks.finite(inDistribution, "in-distribution scores");
        Checks.finite(outOfDistribution, "out-of-distribution scores");
        double[] all = concat(inDistribution, outOfDistribution);
        int[] order = ascending(all);
        double rankSum = 0;
        for (int start = 0; start < order.length; ) {
            int end = start;
            while (end < order.length && all[order[end]] == all[order[start]]) {
                end++;
            }
            double midRank = (start + 1 + end) / 2.0;
            for (int j = start; j < end; j++) {
                if (order[j] >= inDistribution.length) {
                    rankSum += midRank;
                }
            }
            start = end;
        }
        double positives = outOfDistribution.length;
        double u = rankSum - positives * (positives + 1) / 2;
        return u / (positives * inDistribution.length);
    }

    /**
     * The area under the precision–recall curve as average precision, {@code AP = Σ_n (R_n − R_{n−1}) P_n}, over
     * thresholds at each distinct score from the highest down (a step function, without interpolation, as in
     * scikit-learn). Samples with equal scores enter together.
     */
    public static double averagePrecision(double[] inDistribution, double[] outOfDistribution) {
        Checks.finite(inDistribution, "in-distribution scores");
        Checks.finite(outOfDistribution, "out-of-distribution scores");
        double[] all = concat(inDistribution, outOfDistribution);
        int[] order = ascending(all);
        double ap = 0;
        int truePositives = 0;
        int flagged = 0;
        for (int end = order.length; end > 0; ) {
            int start = end;
            while (start > 0 && all[order[start - 1]] == all[order[end - 1]]) {
                start--;
            }
            int newPositives = 0;
            for (int j = start; j < end; j++) {
                newPositives += order[j] >= inDistribution.length ? 1 : 0;
            }
            truePositives += newPositives;
            flagged += end - start;
            ap += newPositives / (double) outOfDistribution.length * truePositives / flagged;
            end = start;
        }
        return ap;
    }

    /**
     * The false-positive rate at a true-positive rate of at least {@code tpr}: with the threshold t the highest score
     * that still flags ({@code score ≥ t}) at least that share of OOD samples, the share of ID samples scoring
     * {@code ≥ t}.
     */
    public static double fprAtTpr(double[] inDistribution, double[] outOfDistribution, double tpr) {
        Checks.finite(inDistribution, "in-distribution scores");
        Checks.finite(outOfDistribution, "out-of-distribution scores");
        if (!(tpr > 0 && tpr <= 1)) {
            throw new InvalidInputException("true-positive rate must be in (0, 1], got " + tpr);
        }
        double[] ood = outOfDistribution.clone();
        Arrays.sort(ood);
        int needed = (int) Math.ceil(tpr * ood.length - 1e-9);
        double threshold = ood[ood.length - needed];
        long falsePositives = Arrays.stream(inDistribution).filter(s -> s >= threshold).count();
        return falsePositives / (double) inDistribution.length;
    }

    /** The false-positive rate at 95% true-positive rate (FPR@95). */
    public static double fprAt95Tpr(double[] inDistribution, double[] outOfDistribution) {
        return fprAtTpr(inDistribution, outOfDistribution, TPR_95);
    }

    private static double[] concat(double[] first, double[] second) {
        double[] all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    private static int[] ascending(double[] values) {
        return IntStream.range(0, values.length).boxed()
                .sorted(Comparator.comparingDouble(i -> values[i]))
                .mapToInt(Integer::intValue).toArray();
    }
}
