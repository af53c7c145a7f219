package dev.glassbox.core.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class CalibrationErrorTest {
    /** Top-label confidences .9 ✓, .85 ✗, .7 ✓, .65 ✗, .55 ✓. */
    private static final double[][] PROBABILITIES = {{.9, .1}, {.15, .85}, {.3, .7}, {.65, .35}, {.55, .45}};
    private static final int[] LABELS = {0, 0, 1, 1, 0};

    @Test
    void equalWidthBinsMatchAHandComputation() {
        ReliabilityBins bins = CalibrationError.reliability(PROBABILITIES, LABELS, 5, Binning.EQUAL_WIDTH);

        assertThat(bins.bins()).hasSize(3);
        assertBin(bins.bins().get(0), .4, .6, 1, .55, 1);
        assertBin(bins.bins().get(1), .6, .8, 2, .675, .5);
        assertBin(bins.bins().get(2), .8, 1, 2, .875, .5);
        // (1·0.45 + 2·0.175 + 2·0.375) / 5
        assertThat(bins.ece()).isCloseTo(0.31, within(1e-12));
        assertThat(bins.mce()).isCloseTo(0.45, within(1e-12));
        assertThat(bins.accuracy()).isCloseTo(0.6, within(1e-12));
        assertThat(bins.meanConfidence()).isCloseTo(0.73, within(1e-12));
        assertThat(CalibrationError.ece(PROBABILITIES, LABELS, 5, Binning.EQUAL_WIDTH)).isEqualTo(bins.ece());
        assertThat(CalibrationError.mce(PROBABILITIES, LABELS, 5, Binning.EQUAL_WIDTH)).isEqualTo(bins.mce());
    }

    @Test
    void equalMassBinsMatchAHandComputation() {
        ReliabilityBins bins = CalibrationError.reliability(PROBABILITIES, LABELS, 2, Binning.EQUAL_MASS);

        assertThat(bins.bins()).hasSize(2);
        assertBin(bins.bins().get(0), .55, .65, 2, .6, .5);
        assertBin(bins.bins().get(1), .7, .9, 3, 2.45 / 3, 2 / 3.0);
        // (2·|0.5 − 0.6| + 3·|2/3 − 2.45/3|) / 5
        assertThat(bins.ece()).isCloseTo(0.13, within(1e-12));
        assertThat(bins.mce()).isCloseTo(0.15, within(1e-12));
    }

    @Test
    void classwiseEceMatchesAHandComputation() {
        // Class 0's probabilities .9 .15 .3 .65 .55 fall in five different bins with outcomes 1 1 0 0 1:
        // gaps .1 .85 .3 .65 .45, so ECE_0 = 2.35 / 5; class 1 mirrors class 0.
        assertThat(CalibrationError.classwiseEce(PROBABILITIES, LABELS, 5, Binning.EQUAL_WIDTH))
                .isCloseTo(0.47, within(1e-12));
    }

    @Test
    void aConfidenceOfOneFallsInTheLastEqualWidthBin() {
        ReliabilityBins bins = ReliabilityBins.of(new double[] {1.0, 0.0}, new boolean[] {true, false}, 4,
                Binning.EQUAL_WIDTH);

        assertThat(bins.bins()).extracting(ReliabilityBins.Bin::lower).containsExactly(0.0, 0.75);
        assertThat(bins.ece()).isZero();
    }

    @Test
    void equalMassBinsDifferInSizeByAtMostOne() {
        double[] confidences = new double[10];
        for (int i = 0; i < confidences.length; i++) {
            confidences[i] = (i * 7 % 10) / 10.0;
        }
        ReliabilityBins bins = ReliabilityBins.of(confidences, new boolean[10], 3, Binning.EQUAL_MASS);

        assertThat(bins.bins()).extracting(ReliabilityBins.Bin::count).containsExactly(3, 3, 4);
        assertThat(bins.bins()).extracting(ReliabilityBins.Bin::lower).containsExactly(0.0, 0.3, 0.6);
    }

    @Test
    void eceOfAPerfectlyCalibratedPredictorTendsToZero() {
        Synthetic.Predictions small = Synthetic.predictor(2_000, 5, 0, 11);
        Synthetic.Predictions large = Synthetic.predictor(200_000, 5, 0, 12);

        double smallEce = CalibrationError.ece(small.probabilities(), small.labels());
        double largeEce = CalibrationError.ece(large.probabilities(), large.labels());
        double largeAdaptive = CalibrationError.ece(large.probabilities(), large.labels(), 15, Binning.EQUAL_MASS);
        double largeClasswise = CalibrationError.classwiseEce(large.probabilities(), large.labels(), 15,
                Binning.EQUAL_WIDTH);

        assertThat(largeEce).isLessThan(0.01).isLessThan(smallEce / 3);
        assertThat(largeAdaptive).isLessThan(0.01);
        assertThat(largeClasswise).isLessThan(0.01);
    }

    @Test
    void eceOfAnOverConfidentPredictorIsItsGap() {
        Synthetic.Predictions overConfident = Synthetic.predictor(200_000, 5, 0.1, 13);

        ReliabilityBins bins = CalibrationError.reliability(overConfident.probabilities(), overConfident.labels(), 15,
                Binning.EQUAL_WIDTH);

        assertThat(bins.ece()).isCloseTo(0.1, within(0.005));
        assertThat(bins.mce()).isCloseTo(0.1, within(0.03));
        assertThat(bins.meanConfidence() - bins.accuracy()).isCloseTo(0.1, within(0.005));
        assertThat(CalibrationError.ece(overConfident.probabilities(), overConfident.labels(), 15,
                Binning.EQUAL_MASS)).isCloseTo(0.1, within(0.005));
    }

    @Test
    void theSameSeedGivesTheSameNumbers() {
        Synthetic.Predictions first = Synthetic.predictor(5_000, 4, 0.05, 21);
        Synthetic.Predictions second = Synthetic.predictor(5_000, 4, 0.05, 21);

        assertThat(CalibrationMetrics.of(first.probabilities(), first.labels()))
                .isEqualTo(CalibrationMetrics.of(second.probabilities(), second.labels()));
    }

    @Test
    void metricsBundleAgreesWithTheSingleMetrics() {
        Synthetic.Predictions data = Synthetic.predictor(3_000, 4, 0.05, 22);

        CalibrationMetrics metrics = CalibrationMetrics.of(data.probabilities(), data.labels(), 10);

        assertThat(metrics.bins()).isEqualTo(10);
        assertThat(List.of(metrics.ece(), metrics.adaptiveEce(), metrics.mce(), metrics.classwiseEce(),
                metrics.nll(), metrics.brier())).containsExactly(
                CalibrationError.ece(data.probabilities(), data.labels(), 10, Binning.EQUAL_WIDTH),
                CalibrationError.ece(data.probabilities(), data.labels(), 10, Binning.EQUAL_MASS),
                CalibrationError.mce(data.probabilities(), data.labels(), 10, Binning.EQUAL_WIDTH),
                CalibrationError.classwiseEce(data.probabilities(), data.labels(), 10, Binning.EQUAL_WIDTH),
                ScoringRules.nll(data.probabilities(), data.labels()),
                ScoringRules.brier(data.probabilities(), data.labels()));
        int correct = 0;
        int[] predicted = Probabilities.predictions(data.probabilities());
        for (int i = 0; i < predicted.length; i++) {
            correct += predicted[i] == data.labels()[i] ? 1 : 0;
        }
        assertThat(metrics.accuracy()).isCloseTo(correct / 3_000.0, within(1e-12));
    }

    private static void assertBin(ReliabilityBins.Bin bin, double lower, double upper, int count, double confidence,
            double accuracy) {
        assertThat(bin.lower()).isCloseTo(lower, within(1e-12));
        assertThat(bin.upper()).isCloseTo(upper, within(1e-12));
        assertThat(bin.count()).isEqualTo(count);
        assertThat(bin.meanConfidence()).isCloseTo(confidence, within(1e-12));
        assertThat(bin.accuracy()).isCloseTo(accuracy, within(1e-12));
    }
}
