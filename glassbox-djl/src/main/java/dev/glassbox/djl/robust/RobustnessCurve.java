package dev.glassbox.djl.robust;

import dev.glassbox.core.math.Vectors;
import dev.glassbox.djl.DifferentiableModel;
import java.util.Arrays;
import java.util.function.DoubleFunction;

/**
 * Accuracy under attack against the radius ε, for labelled inputs. {@code attackAccuracy[k]} is the share of inputs
 * the model still classifies correctly after the attack at {@code epsilons[k]}, as measured — an attack may find
 * less at a larger radius (a sign step that overshoots), so this need not fall. {@code robustAccuracy[k]} counts an
 * input as robust at ε only if the model is right on it and on every adversarial input found at any radius ≤ ε in
 * the list: each of those lies in the ε-ball too, so this is the honest lower bound the attacks together give, and it
 * is non-increasing by construction. {@link #attackAccuracyMonotone()} says whether the raw measure was.
 */
public record RobustnessCurve(double[] epsilons, double[] attackAccuracy, double[] robustAccuracy, double clean,
        int samples) {

    /**
     * Runs {@code attackAt.apply(ε)} untargeted against the labels for each ε (sorted ascending; ε = 0 included
     * when given), on the whole batch.
     */
    public static RobustnessCurve evaluate(DoubleFunction<AdversarialAttack> attackAt, float[][] inputs, int[] labels,
            double... epsilons) {
        if (inputs.length == 0 || inputs.length != labels.length) {
            throw new IllegalArgumentException("need as many labels as inputs (at least one), got " + labels.length
                    + " for " + inputs.length);
        }
        double[] sorted = epsilons.clone();
        Arrays.sort(sorted);
        boolean[] robust = new boolean[inputs.length];
        DifferentiableModel model = null;
        double[] attackAccuracy = new double[sorted.length];
        double[] robustAccuracy = new double[sorted.length];
        double clean = Double.NaN;
        for (int k = 0; k < sorted.length; k++) {
            AdversarialAttack attack = attackAt.apply(sorted[k]);
            if (model == null) {
                model = attack.model();
                boolean[] right = correct(model.predict(inputs), labels);
                System.arraycopy(right, 0, robust, 0, right.length);
                clean = share(right);
            }
            boolean[] right = correct(model.predict(attack.perturb(inputs, labels)), labels);
            for (int i = 0; i < robust.length; i++) {
                robust[i] &= right[i];
            }
            attackAccuracy[k] = share(right);
            robustAccuracy[k] = share(robust);
        }
        return new RobustnessCurve(sorted, attackAccuracy, robustAccuracy, clean, inputs.length);
    }

    /** Whether the raw accuracy under attack never rose with ε. */
    public boolean attackAccuracyMonotone() {
        for (int k = 1; k < attackAccuracy.length; k++) {
            if (attackAccuracy[k] > attackAccuracy[k - 1]) {
                return false;
            }
        }
        return true;
    }

    private static boolean[] correct(float[][] scores, int[] labels) {
        boolean[] out = new boolean[scores.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Vectors.argmax(scores[i]) == labels[i];
        }
        return out;
    }

    private static double share(boolean[] flags) {
        int n = 0;
        for (boolean f : flags) {
            n += f ? 1 : 0;
        }
        return n / (double) flags.length;
    }
}
