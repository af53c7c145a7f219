package dev.glassbox.djl.robust;

import dev.glassbox.core.Progress;
import dev.glassbox.djl.DifferentiableModel;
import java.util.Arrays;

/**
 * Robust accuracy as adversarial-training papers report it: untargeted L∞ PGD with {@code steps} steps of
 * 2.5 ε / steps, each from {@code restarts} seeded random starts ({@link Restarts}), inputs kept in {@code bounds},
 * against the true labels; run over the inputs in chunks so that progress can be shown.
 *
 * @param steps PGD steps per run (50 or more for an evaluation)
 * @param restarts random starts per input, from the seeds 0 … restarts − 1
 * @param bounds the box the inputs live in
 */
public record PgdEvaluation(int steps, int restarts, InputBounds bounds) {
    private static final int CHUNK = 100;

    public PgdEvaluation {
        if (steps < 1 || restarts < 1) {
            throw new IllegalArgumentException("a PGD evaluation needs at least 1 step and 1 restart, got " + steps
                    + " steps and " + restarts + " restarts");
        }
    }

    /** The attack at radius ε: PGD from each of the random starts, the strongest per input kept. */
    public AdversarialAttack attack(DifferentiableModel model, double epsilon) {
        return Restarts.seeded(restarts, seed -> Pgd.builder(model).epsilon(epsilon).steps(steps).randomStart(true)
                .seed(seed).bounds(bounds).build());
    }

    /** Clean and robust accuracy at each ε (see {@link RobustnessCurve}) on the labelled inputs. */
    public RobustnessCurve evaluate(DifferentiableModel model, float[][] inputs, int[] labels, Progress progress,
            double... epsilons) {
        if (inputs.length == 0 || inputs.length != labels.length) {
            throw new IllegalArgumentException("need as many labels as inputs (at least one), got " + labels.length
                    + " for " + inputs.length);
        }
        double[] attackHits = null;
        double[] robustHits = null;
        double cleanHits = 0;
        double[] sorted = null;
        String task = "PGD-" + steps + " × " + restarts + " at ε " + Arrays.toString(epsilons);
        for (int from = 0; from < inputs.length; from += CHUNK) {
            int to = Math.min(inputs.length, from + CHUNK);
            RobustnessCurve part = RobustnessCurve.evaluate(eps -> attack(model, eps),
                    Arrays.copyOfRange(inputs, from, to), Arrays.copyOfRange(labels, from, to), epsilons);
            if (attackHits == null) {
                sorted = part.epsilons();
                attackHits = new double[sorted.length];
                robustHits = new double[sorted.length];
            }
            for (int k = 0; k < sorted.length; k++) {
                attackHits[k] += part.attackAccuracy()[k] * part.samples();
                robustHits[k] += part.robustAccuracy()[k] * part.samples();
            }
            cleanHits += part.clean() * part.samples();
            progress.update(task, to, inputs.length);
        }
        int n = inputs.length;
        return new RobustnessCurve(sorted, Arrays.stream(attackHits).map(h -> h / n).toArray(),
                Arrays.stream(robustHits).map(h -> h / n).toArray(), cleanHits / n, n);
    }
}
