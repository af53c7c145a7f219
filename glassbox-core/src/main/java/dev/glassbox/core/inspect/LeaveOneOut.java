package dev.glassbox.core.inspect;

import dev.glassbox.core.Progress;

/**
 * The ground truth influence functions approximate: for each chosen training example, the risk without it is
 * minimised again to convergence (truncated Newton, warm-started at the full minimiser, as Koh &amp; Liang retrain),
 * and the change of test examples' losses is measured.
 */
public final class LeaveOneOut {
    private LeaveOneOut() {
    }

    /**
     * What the retrainings changed.
     *
     * @param testLossChanges row {@code t}, column {@code k}: the change of test example {@code t}'s loss when
     *     {@code removed[k]} is left out
     * @param ownLossChanges entry {@code k}: the change of {@code removed[k]}'s own loss when it is left out (the
     *     retraining counterpart of self-influence)
     */
    public record Changes(double[][] testLossChanges, double[] ownLossChanges) {
    }

    /**
     * The actual change of test example {@code testExample}'s loss when each of {@code removed} is left out of
     * {@code risk} and the model retrained from {@code theta} (the minimiser of the full risk).
     *
     * @throws IllegalStateException when a retraining does not converge
     */
    public static double[] testLossChanges(RegularisedRisk risk, double[] theta, ExampleLosses test, int testExample,
            int[] removed, TruncatedNewton solver, Progress progress) {
        return changes(risk, theta, test, new int[] {testExample}, removed, solver, progress).testLossChanges()[0];
    }

    /**
     * The actual changes of the listed test examples' losses, and of each removed example's own loss, when each of
     * {@code removed} is left out of {@code risk} and the model retrained from {@code theta}.
     *
     * @throws IllegalStateException when a retraining does not converge
     */
    public static Changes changes(RegularisedRisk risk, double[] theta, ExampleLosses test, int[] testExamples,
            int[] removed, TruncatedNewton solver, Progress progress) {
        double[] testBefore = test.losses(theta);
        double[] ownBefore = risk.losses().losses(theta);
        double[][] testChanges = new double[testExamples.length][removed.length];
        double[] ownChanges = new double[removed.length];
        for (int k = 0; k < removed.length; k++) {
            TruncatedNewton.Result retrained = solver.minimize(risk.without(removed[k]), theta);
            if (!retrained.converged()) {
                throw new IllegalStateException("retraining without example " + removed[k] + " stopped at a gradient "
                        + "of " + retrained.gradientNorm() + " after " + retrained.iterations() + " steps");
            }
            double[] testAfter = test.losses(retrained.theta());
            for (int t = 0; t < testExamples.length; t++) {
                testChanges[t][k] = testAfter[testExamples[t]] - testBefore[testExamples[t]];
            }
            ownChanges[k] = risk.losses().losses(retrained.theta())[removed[k]] - ownBefore[removed[k]];
            progress.update("leave-one-out", k + 1, removed.length);
        }
        return new Changes(testChanges, ownChanges);
    }
}
