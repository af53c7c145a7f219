package dev.glassbox.core.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OodMetricsTest {
    private static final double[] IN = {0.1, 0.4, 0.4, 0.8};
    private static final double[] OUT = {0.4, 0.9, 0.2};

    @Test
    void aurocCountsTiesAsHalfOnAHandComputedCase() {
        // OOD 0.4 beats 0.1 and ties twice: 2; OOD 0.9 beats all: 4; OOD 0.2 beats 0.1: 1. 7 of 12 pairs.
        assertThat(OodMetrics.auroc(IN, OUT)).isCloseTo(7 / 12.0, within(1e-12));
    }

    @Test
    void aurocIsTheMannWhitneyStatisticOnRandomTiedScores() {
        SplittableRandom random = new SplittableRandom(3);
        double[] in = new double[300];
        double[] out = new double[200];
        for (int i = 0; i < in.length; i++) {
            in[i] = random.nextInt(20);
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = random.nextInt(20) + 3;
        }
        double pairs = 0;
        for (double o : out) {
            for (double d : in) {
                pairs += o > d ? 1 : o == d ? 0.5 : 0;
            }
        }

        assertThat(OodMetrics.auroc(in, out)).isCloseTo(pairs / (in.length * out.length), within(1e-12));
        assertThat(OodMetrics.auroc(out, in)).isCloseTo(1 - pairs / (in.length * out.length), within(1e-12));
    }

    @Test
    void averagePrecisionStepsThroughTiedThresholds() {
        // Thresholds 0.9: P = 1, ΔR = 1/3; 0.8: no new OOD; 0.4: P = 2/5, ΔR = 1/3; 0.2: P = 3/6, ΔR = 1/3.
        assertThat(OodMetrics.averagePrecision(IN, OUT)).isCloseTo(19 / 30.0, within(1e-12));
    }

    @Test
    void fprAt95TprOnAHandComputedCase() {
        double[] out = new double[20];
        for (int i = 0; i < out.length; i++) {
            out[i] = i + 1;
        }
        double[] in = {0.5, 1.5, 2.0, 3.5, 10};

        // 19 of 20 OOD scores are ≥ 2; ID scores ≥ 2 are 2.0 (a tie counts as flagged), 3.5 and 10.
        assertThat(OodMetrics.fprAt95Tpr(in, out)).isCloseTo(0.6, within(1e-12));
        assertThat(OodMetrics.fprAtTpr(in, out, 1.0)).isCloseTo(0.8, within(1e-12));
        assertThat(OodMetrics.fprAtTpr(in, out, 0.05)).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void perfectSeparationScoresPerfectly() {
        OodEvaluation evaluation = OodEvaluation.of(new double[] {0, 1, 2}, new double[] {3, 4});

        assertThat(evaluation).isEqualTo(new OodEvaluation(1, 1, 0));
        assertThat(OodEvaluation.of(new double[] {3, 4}, new double[] {0, 1, 2}).auroc()).isZero();
    }

    @Test
    void identicalScoreDistributionsScoreAsChance() {
        double[] scores = {1, 1, 1, 1};

        OodEvaluation evaluation = OodEvaluation.of(scores, scores);

        assertThat(evaluation.auroc()).isEqualTo(0.5);
        assertThat(evaluation.auprc()).isEqualTo(0.5);
        assertThat(evaluation.fprAt95Tpr()).isEqualTo(1);
    }
}
