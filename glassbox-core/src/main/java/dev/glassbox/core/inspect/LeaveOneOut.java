package dev.glassbox.core.inspect;

import dev.glassbox.core.Progress;

/**
 * The ground truth influence functions approximate: for each chosen training example, the risk without it is
 * minimised again to convergence (truncated Newton, warm-started at the full minimiser, as Koh &amp; Liang retrain),
 * and the change of a test example's loss is measured.
 */
public final class LeaveOneOut {
    private LeaveOneOut() {
    }

    /**
     * The actual change of test example {@code testExample}'s loss when each of {@code removed} is left out of
     * {@code risk} and the model retrained from {@code theta} (the minimiser of the full risk).
     *
     * @throws IllegalStateException when a retraining does not converge
     */
    public static double[] testLossChanges(RegularisedRisk risk, double[] theta, ExampleLosses test, int testExample,
            int[] removed, TruncatedNewton solver, Progress progress) {
        double before = test.losses(theta)[testExample];
        double[] out = new double[removed.length];
        for (int k = 0; k < removed.length; k++) {
            TruncatedNewton.Result retrained = solver.minimize(risk.without(removed[k]), theta);
            if (!retrained.converged()) {
                throw new IllegalStateException("retraining without example " + removed[k] + " stopped at a gradient "
                        + "of " + retrained.gradientNorm() + " after " + retrained.iterations() + " steps");
            }
            out[k] = test.losses(retrained.theta())[testExample] - before;
            progress.update("leave-one-out", k + 1, removed.length);
        }
        return out;
    }
}
