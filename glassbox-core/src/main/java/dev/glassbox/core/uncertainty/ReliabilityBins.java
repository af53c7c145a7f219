package dev.glassbox.core.uncertainty;

import dev.glassbox.core.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Confidences grouped into bins, each with its mean confidence and the observed frequency of the event it predicts
 * (for top-label calibration: the accuracy). This is what a reliability diagram draws and what the calibration
 * errors sum: {@code ECE = Σ_b (n_b / N) |acc_b − conf_b|} and {@code MCE = max_b |acc_b − conf_b|}, over non-empty
 * bins.
 *
 * @param binning how the bins were formed
 * @param requestedBins the number of bins asked for
 * @param bins the non-empty bins in increasing confidence
 * @param total the number of samples, {@code Σ_b n_b}
 */
public record ReliabilityBins(Binning binning, int requestedBins, List<Bin> bins, int total) {

    /**
     * One bin.
     *
     * @param lower the bin's lower edge: {@code b/B} for equal-width bins, the smallest confidence in it for
     *         equal-mass bins
     * @param upper the bin's upper edge: {@code (b+1)/B} for equal-width bins, the largest confidence in it for
     *         equal-mass bins
     * @param count the number of samples in the bin
     * @param meanConfidence the mean confidence of those samples
     * @param accuracy the share of those samples whose predicted event happened
     */
    public record Bin(double lower, double upper, int count, double meanConfidence, double accuracy) {
        /** {@code |accuracy − meanConfidence|}. */
        public double gap() {
            return Math.abs(accuracy - meanConfidence);
        }
    }

    /** Checks that there is at least one bin and that the bins' counts add up to {@code total}. */
    public ReliabilityBins {
        bins = List.copyOf(bins);
        int counted = bins.stream().mapToInt(Bin::count).sum();
        if (bins.isEmpty() || counted != total) {
            throw new InvalidInputException("reliability bins need at least one bin and counts that add up to the "
                    + "total, got " + bins.size() + " bins holding " + counted + " of " + total + " samples");
        }
    }

    /**
     * Bins per-sample confidences in [0, 1] and whether each predicted event happened (for top-label calibration:
     * whether the prediction was right).
     */
    public static ReliabilityBins of(double[] confidences, boolean[] outcomes, int bins, Binning binning) {
        Checks.finite(confidences, "confidences");
        Checks.sameLength(confidences.length, outcomes.length, "confidences and outcomes");
        if (bins < 1) {
            throw new InvalidInputException("calibration needs at least 1 bin, got " + bins);
        }
        for (int i = 0; i < confidences.length; i++) {
            if (confidences[i] < 0 || confidences[i] > 1) {
                throw new InvalidInputException("confidence " + i + " is " + confidences[i]
                        + ", expected a value in [0, 1]");
            }
        }
        int[][] members = binning == Binning.EQUAL_WIDTH
                ? equalWidth(confidences, bins)
                : equalMass(confidences, bins);
        List<Bin> out = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            int[] in = members[b];
            if (in.length == 0) {
                continue;
            }
            double confidence = 0;
            int correct = 0;
            for (int i : in) {
                confidence += confidences[i];
                correct += outcomes[i] ? 1 : 0;
            }
            double lower = binning == Binning.EQUAL_WIDTH ? b / (double) bins : confidences[in[0]];
            double upper = binning == Binning.EQUAL_WIDTH ? (b + 1) / (double) bins : confidences[in[in.length - 1]];
            out.add(new Bin(lower, upper, in.length, confidence / in.length, correct / (double) in.length));
        }
        return new ReliabilityBins(binning, bins, out, confidences.length);
    }

    /** Expected calibration error: the gaps weighted by the share of samples in each bin. */
    public double ece() {
        return bins.stream().mapToDouble(b -> b.count() * b.gap()).sum() / total;
    }

    /** Maximum calibration error: the largest gap over non-empty bins. */
    public double mce() {
        return bins.stream().mapToDouble(Bin::gap).max().orElseThrow();
    }

    /** The share of all samples whose predicted event happened (for top-label bins: the accuracy). */
    public double accuracy() {
        return bins.stream().mapToDouble(b -> b.count() * b.accuracy()).sum() / total;
    }

    /** The mean confidence over all samples. */
    public double meanConfidence() {
        return bins.stream().mapToDouble(b -> b.count() * b.meanConfidence()).sum() / total;
    }

    private static int[][] equalWidth(double[] confidences, int bins) {
        int[] bin = new int[confidences.length];
        int[] sizes = new int[bins];
        for (int i = 0; i < confidences.length; i++) {
            bin[i] = Math.min(bins - 1, (int) Math.floor(confidences[i] * bins));
            sizes[bin[i]]++;
        }
        int[][] members = new int[bins][];
        for (int b = 0; b < bins; b++) {
            members[b] = new int[sizes[b]];
            sizes[b] = 0;
        }
        for (int i = 0; i < confidences.length; i++) {
            members[bin[i]][sizes[bin[i]]++] = i;
        }
        return members;
    }

    private static int[][] equalMass(double[] confidences, int bins) {
        int n = confidences.length;
        int[] sorted = IntStream.range(0, n).boxed()
                .sorted(Comparator.comparingDouble(i -> confidences[i]))
                .mapToInt(Integer::intValue).toArray();
        int[][] members = new int[bins][];
        for (int b = 0; b < bins; b++) {
            members[b] = Arrays.copyOfRange(sorted, (int) ((long) b * n / bins), (int) ((long) (b + 1) * n / bins));
        }
        return members;
    }
}
