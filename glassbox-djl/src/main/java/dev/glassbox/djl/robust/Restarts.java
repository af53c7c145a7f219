package dev.glassbox.djl.robust;

import dev.glassbox.core.math.Vectors;
import dev.glassbox.djl.DifferentiableModel;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The strongest of several untargeted attacks per sample, as robustness evaluations run PGD from several random
 * starts (Madry et al. 2018): for each sample, the first attack's result that the model misclassifies, or, when none
 * does, the one with the highest cross-entropy for the sample's class. Every result lies in the ball the attacks
 * share, so the combination does too.
 */
public final class Restarts implements AdversarialAttack {
    private final List<AdversarialAttack> attacks;

    private Restarts(List<AdversarialAttack> attacks) {
        if (attacks.isEmpty()) {
            throw new IllegalArgumentException("restarts need at least one attack");
        }
        DifferentiableModel model = attacks.get(0).model();
        for (AdversarialAttack a : attacks) {
            if (a.model() != model) {
                throw new IllegalArgumentException("every restart must attack the same model");
            }
        }
        this.attacks = List.copyOf(attacks);
    }

    /** The given attacks (untargeted, one model). */
    public static Restarts of(List<AdversarialAttack> attacks) {
        return new Restarts(attacks);
    }

    /** {@code count} attacks made from the seeds 0 … count − 1 (such as PGD with a random start from each seed). */
    public static Restarts seeded(int count, IntFunction<AdversarialAttack> attackWithSeed) {
        if (count < 1) {
            throw new IllegalArgumentException("restarts need at least 1 run, got " + count);
        }
        return new Restarts(java.util.stream.IntStream.range(0, count).mapToObj(attackWithSeed).toList());
    }

    @Override
    public DifferentiableModel model() {
        return attacks.get(0).model();
    }

    @Override
    public float[][] perturb(float[][] batch, int[] classes) {
        Attacks.requireClasses(batch, classes);
        float[][] best = null;
        double[] bestLoss = null;
        boolean[] fooled = new boolean[batch.length];
        for (AdversarialAttack attack : attacks) {
            float[][] candidate = attack.perturb(batch, classes);
            float[][] scores = model().predict(candidate);
            double[] loss = CrossEntropyGradient.losses(model().outputsLogits(), scores, classes);
            if (best == null) {
                best = candidate;
                bestLoss = loss;
                for (int i = 0; i < batch.length; i++) {
                    fooled[i] = Vectors.argmax(scores[i]) != classes[i];
                }
                continue;
            }
            for (int i = 0; i < batch.length; i++) {
                boolean wrong = Vectors.argmax(scores[i]) != classes[i];
                if (!fooled[i] && (wrong || loss[i] > bestLoss[i])) {
                    best[i] = candidate[i];
                    bestLoss[i] = loss[i];
                    fooled[i] = wrong;
                }
            }
        }
        return best;
    }
}
