package dev.glassbox.core.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.glassbox.core.Progress;
import dev.glassbox.core.metrics.Correlation;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class InfluenceFunctionsTest {
    private static final int N = 150;
    private static final int D = 6;
    private static final double L2 = 0.01;
    private static SoftmaxLosses train;
    private static SoftmaxLosses test;
    private static RegularisedRisk risk;
    private static double[] theta;

    @BeforeAll
    static void fit() {
        Random random = new Random(7);
        train = gaussians(random, N);
        test = gaussians(random, 20);
        risk = new RegularisedRisk(train, L2);
        TruncatedNewton.Result fitted = new TruncatedNewton(1e-12, 100).minimize(risk, new double[train.parameterCount()]);
        assertThat(fitted.converged()).isTrue();
        theta = fitted.theta();
    }

    /** Two overlapping Gaussian classes, means ±0.6 on every axis. */
    private static SoftmaxLosses gaussians(Random random, int n) {
        return gaussians(random, n, new double[n][], new int[n]);
    }

    /** Fills {@code x} and {@code y} with the examples too. */
    private static SoftmaxLosses gaussians(Random random, int n, double[][] x, int[] y) {
        for (int i = 0; i < n; i++) {
            x[i] = new double[D];
            y[i] = i % 2;
            for (int j = 0; j < D; j++) {
                x[i][j] = random.nextGaussian() + (y[i] == 0 ? -0.6 : 0.6);
            }
        }
        return new SoftmaxLosses(x, y, 2);
    }

    @Test
    void predictedRemovalEffectsMatchLeaveOneOutRetraining() {
        InfluenceFunctions influence = new InfluenceFunctions(risk, theta,
                InverseHessian.exact(risk, theta, 0, Progress.NONE));
        int[] removed = new int[120];
        for (int k = 0; k < removed.length; k++) {
            removed[k] = k;
        }
        // the test example with the largest loss: the most sensitive to removals
        double[] testLosses = test.losses(theta);
        int worst = 0;
        for (int t = 1; t < testLosses.length; t++) {
            worst = testLosses[t] > testLosses[worst] ? t : worst;
        }
        double[] predicted = influence.removalEffects(test, new int[] {worst}, Progress.NONE)[0];
        double[] actual = LeaveOneOut.testLossChanges(risk, theta, test, worst, removed,
                new TruncatedNewton(1e-13, 50), Progress.NONE);
        double[] predictedRemoved = new double[removed.length];
        for (int k = 0; k < removed.length; k++) {
            predictedRemoved[k] = predicted[removed[k]];
        }
        assertThat(Correlation.pearson(predictedRemoved, actual)).isGreaterThan(0.99);
    }

    @Test
    void conjugateGradientsAndLissaAgreeWithTheFactoredHessian() {
        double damping = 0.001;
        double[] v = test.gradients(theta, new int[] {0})[0];
        double[] exact = InverseHessian.exact(risk, theta, damping, Progress.NONE).solve(v);
        double[] cg = InverseHessian.conjugateGradient(risk, theta, damping, 1e-12, 200).solve(v);
        double[] lissa = InverseHessian.lissa(risk, theta, damping, 10, 1500, N, 1, 3).solve(v);
        double[] hx = risk.hessianTimes(theta, exact);
        for (int j = 0; j < v.length; j++) {
            assertThat(hx[j] + damping * exact[j]).isCloseTo(v[j], within(1e-9));
            assertThat(cg[j]).isCloseTo(exact[j], within(1e-8));
        }
        // LiSSA over full batches is the Neumann series itself: converged after 1500 terms
        assertThat(Correlation.pearson(lissa, exact)).isGreaterThan(0.999);
    }

    /** LiSSA run on several vectors together gives each one's own solve, bit for bit (reruns stay identical). */
    @Test
    void lissaSolvesVectorsTogetherAsItSolvesEachAlone() {
        double[][] vs = test.gradients(theta, new int[] {0, 1, 2});
        InverseHessian lissa = InverseHessian.lissa(risk, theta, 0.001, 10, 50, 20, 2, 3);
        double[][] together = lissa.solveAll(vs);
        for (int k = 0; k < vs.length; k++) {
            assertThat(together[k]).containsExactly(lissa.solve(vs[k]));
        }
        assertThat(together[1]).isNotEqualTo(together[0]);
    }

    @Test
    void largestCurvatureIsTheHessiansLargestEigenvalue() {
        int p = theta.length;
        org.ejml.data.DMatrixRMaj h = new org.ejml.data.DMatrixRMaj(p, p);
        for (int j = 0; j < p; j++) {
            double[] unit = new double[p];
            unit[j] = 1;
            double[] column = risk.hessianTimes(theta, unit);
            for (int i = 0; i < p; i++) {
                h.set(i, j, column[i]);
            }
        }
        var eig = org.ejml.dense.row.factory.DecompositionFactory_DDRM.eig(p, false, true);
        assertThat(eig.decompose(h)).isTrue();
        double largest = 0;
        for (int i = 0; i < p; i++) {
            largest = Math.max(largest, eig.getEigenvalue(i).getReal());
        }
        assertThat(risk.largestCurvature(theta, 200)).isCloseTo(largest, within(1e-6 * largest));
    }

    @Test
    void gradientDescentCheckpointsLowerTheRiskAndRecordTheirSteps() {
        double[] start = new double[train.parameterCount()];
        double step = 1 / risk.largestCurvature(start, 50);
        java.util.List<TracIn.Checkpoint> checkpoints = TracIn.gradientDescent(risk, test, start, step, 40, 10);
        assertThat(checkpoints).hasSize(4);
        assertThat(checkpoints.get(0).theta()).containsExactly(start);
        for (int c = 1; c < checkpoints.size(); c++) {
            assertThat(risk.value(checkpoints.get(c).theta())).isLessThan(risk.value(checkpoints.get(c - 1).theta()));
            assertThat(checkpoints.get(c).learningRate()).isLessThanOrEqualTo(step);
        }
        // a step far too long is halved until the risk falls
        java.util.List<TracIn.Checkpoint> halved = TracIn.gradientDescent(risk, test, start, 1000 * step, 1, 1);
        assertThat(halved.get(0).learningRate()).isLessThan(1000 * step);
        double[] g = risk.gradient(start);
        double[] next = start.clone();
        for (int j = 0; j < g.length; j++) {
            next[j] -= halved.get(0).learningRate() * g[j];
        }
        assertThat(risk.value(next)).isLessThanOrEqualTo(risk.value(start));
    }

    @Test
    void leavingAnExampleOutNeverLowersItsOwnLoss() {
        int[] removed = {0, 1, 2, 3, 4, 5, 6, 7};
        LeaveOneOut.Changes changes = LeaveOneOut.changes(risk, theta, test, new int[] {0, 1}, removed,
                new TruncatedNewton(1e-13, 50), Progress.NONE);
        for (double own : changes.ownLossChanges()) {
            assertThat(own).isGreaterThan(0);
        }
        assertThat(changes.testLossChanges()[1]).containsExactly(LeaveOneOut.testLossChanges(risk, theta, test, 1,
                removed, new TruncatedNewton(1e-13, 50), Progress.NONE), within(1e-12));
    }

    @Test
    void closedFormGradientAndHessianMatchFiniteDifferences() {
        SoftmaxLosses three = new SoftmaxLosses(new double[][] {{0.3, -1.2}, {2.0, 0.5}}, new int[] {2, 0}, 3);
        double[] t = {0.1, -0.4, 0.2, 0.7, 0.05, -0.3, -0.2, 0.6, 0.9};
        double[] w = {1, 0.5};
        double[] v = {0.3, 0.1, -0.2, 0.5, -0.7, 0.2, 0.4, 0.0, -0.1};
        double h = 1e-6;
        double[] g = three.weightedGradient(t, w);
        double[] hv = three.weightedHessianTimes(t, w, v);
        for (int j = 0; j < t.length; j++) {
            double[] up = t.clone();
            double[] down = t.clone();
            up[j] += h;
            down[j] -= h;
            assertThat(g[j]).isCloseTo((weighted(three.losses(up), w) - weighted(three.losses(down), w)) / (2 * h),
                    within(1e-7));
        }
        double[] up = t.clone();
        double[] down = t.clone();
        for (int j = 0; j < t.length; j++) {
            up[j] += h * v[j];
            down[j] -= h * v[j];
        }
        double[] gUp = three.weightedGradient(up, w);
        double[] gDown = three.weightedGradient(down, w);
        for (int j = 0; j < t.length; j++) {
            assertThat(hv[j]).isCloseTo((gUp[j] - gDown[j]) / (2 * h), within(1e-7));
        }
    }

    @Test
    void tracInOfOneCheckpointIsTheFirstOrderLossDropOfOneSgdStep() {
        double eta = 1e-4;
        double[] start = new double[train.parameterCount()];
        start[0] = 0.3;
        double[][] scores = TracIn.scores(java.util.List.of(new TracIn.Checkpoint(train, test, start, eta)),
                new int[] {3});
        int i = 5;
        double[] g = train.gradients(start, new int[] {i})[0];
        double[] stepped = start.clone();
        for (int j = 0; j < g.length; j++) {
            stepped[j] -= eta * g[j];
        }
        double drop = test.losses(start)[3] - test.losses(stepped)[3];
        assertThat(scores[0][i]).isCloseTo(drop, within(1e-3 * Math.abs(drop)));
    }

    @Test
    void selfInfluenceFindsFlippedLabelsFarBetterThanChance() {
        Random random = new Random(11);
        double[][] x = new double[200][];
        int[] labels = new int[200];
        SoftmaxLosses clean = gaussians(random, 200, x, labels);
        assertThat(clean.size()).isEqualTo(200);
        LabelFlips flips = LabelFlips.flip(labels, 2, 0.1, 5);
        SoftmaxLosses noisy = new SoftmaxLosses(x, flips.labels(), 2);
        RegularisedRisk noisyRisk = new RegularisedRisk(noisy, L2);
        double[] fitted = new TruncatedNewton(1e-10, 100).minimize(noisyRisk, new double[noisy.parameterCount()]).theta();
        double[] self = new InfluenceFunctions(noisyRisk, fitted, InverseHessian.exact(noisyRisk, fitted, 0,
                Progress.NONE)).selfInfluence(Progress.NONE);
        assertThat(flips.shareFound(self, 0.2)).isGreaterThan(0.6);
        assertThat(flips.shareFound(LabelFlips.randomSuspicion(200, 1), 0.2)).isLessThan(0.4);
        assertThat(flips.shareFound(flipsFirst(flips), 0.2)).isEqualTo(1.0);
    }

    private static double[] flipsFirst(LabelFlips flips) {
        double[] out = new double[flips.flipped().length];
        for (int i = 0; i < out.length; i++) {
            out[i] = flips.flipped()[i] ? 1 : 0;
        }
        return out;
    }

    @Test
    void rankingSplitsProponentsFromOpponentsStrongestFirst() {
        InfluenceRanking ranking = InfluenceRanking.of(new double[] {0.5, -2, 3, 0, -0.1, 1}, 2);
        assertThat(ranking.proponents()).containsExactly(2, 5);
        assertThat(ranking.opponents()).containsExactly(1, 4);
    }

    private static double weighted(double[] values, double[] w) {
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            sum += w[i] * values[i];
        }
        return sum;
    }
}
