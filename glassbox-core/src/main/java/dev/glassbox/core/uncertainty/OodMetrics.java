package dev.glassbox.core.uncertainty;

import dev.glassbox.core.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
     * counting one half. This is the Mann–Whitney statistic {@code U / (n_OOD · n_ID)}, counted in {@code O(n log n)}
     * from the ID samples below and tied with each distinct OOD score.
     */
    public static double auroc(double[] inDistribution, double[] outOfDistribution) {
        double pairs = 0;
        int inBelow = 0;
        for (Tie tie : ties(inDistribution, outOfDistribution)) {
            pairs += tie.outOfDistribution() * (inBelow + tie.inDistribution() / 2.0);
            inBelow += tie.inDistribution();
        }
        return pairs / ((double) inDistribution.length * outOfDistribution.length);
    }

    /**
     * The area under the precision–recall curve as average precision, {@code AP = Σ_n (R_n − R_{n−1}) P_n}, over
     * thresholds at each distinct score from the highest down (a step function, without interpolation, as in
     * scikit-learn). Samples with equal scores enter together.
     */
    public static double averagePrecision(double[] inDistribution, double[] outOfDistribution) {
        List<Tie> ties = ties(inDistribution, outOfDistribution);
        double ap = 0;
        int truePositives = 0;
        int flagged = 0;
        for (int t = ties.size() - 1; t >= 0; t--) {
            Tie tie = ties.get(t);
            truePositives += tie.outOfDistribution();
            flagged += tie.inDistribution() + tie.outOfDistribution();
            ap += tie.outOfDistribution() / (double) outOfDistribution.length * truePositives / flagged;
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

    /** How many ID and OOD samples share one score. */
    private record Tie(int inDistribution, int outOfDistribution) {
    }

    /** The ID and OOD counts at each distinct score, from the lowest score up. */
    private static List<Tie> ties(double[] inDistribution, double[] outOfDistribution) {
        Checks.finite(inDistribution, "in-distribution scores");
        Checks.finite(outOfDistribution, "out-of-distribution scores");
        double[] in = inDistribution.clone();
        double[] out = outOfDistribution.clone();
        Arrays.sort(in);
        Arrays.sort(out);
        List<Tie> ties = new ArrayList<>();
        int i = 0;
        int o = 0;
        while (i < in.length || o < out.length) {
            double score = o == out.length || (i < in.length && in[i] < out[o]) ? in[i] : out[o];
            int inTied = 0;
            int outTied = 0;
            for (; i < in.length && in[i] == score; i++) {
                inTied++;
            }
            for (; o < out.length && out[o] == score; o++) {
                outTied++;
            }
            ties.add(new Tie(inTied, outTied));
        }
        return ties;
    }
}
