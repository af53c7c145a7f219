package dev.glassbox.djl.robust;

import dev.glassbox.djl.DifferentiableModel;
import java.util.Objects;

/**
 * The fast gradient sign method (Goodfellow, Shlens and Szegedy 2015): one step of size ε along the sign of the input
 * gradient of the cross-entropy, x' = clamp(x + ε · sign(∇ₓ CE(f(x), y))) for an untargeted attack (away from y) and
 * x' = clamp(x − ε · sign(∇ₓ CE(f(x), t))) for a targeted one (towards t). As Captum 0.8's {@code FGSM}, gradient
 * entries with |g| ≤ 1e-6 count as zero (the value stays), and the result is clamped to the input bounds.
 */
public final class Fgsm implements AdversarialAttack {
    /** Gradient entries at or below this magnitude do not move their value (Captum's {@code zero_thresh}). */
    public static final double ZERO_THRESHOLD = 1e-6;

    private final DifferentiableModel model;
    private final double epsilon;
    private final InputBounds bounds;
    private final AttackGoal goal;

    private Fgsm(Builder b) {
        this.model = b.model;
        this.epsilon = b.epsilon;
        this.bounds = b.bounds;
        this.goal = b.goal;
    }

    /** An FGSM attack on the model; set at least {@link Builder#epsilon}. */
    public static Builder builder(DifferentiableModel model) {
        return new Builder(model);
    }

    @Override
    public DifferentiableModel model() {
        return model;
    }

    @Override
    public float[][] perturb(float[][] batch, int[] classes) {
        Attacks.requireClasses(batch, classes);
        float[][] gradients = CrossEntropyGradient.of(model, batch, classes).gradients();
        float[][] out = new float[batch.length][];
        for (int i = 0; i < batch.length; i++) {
            out[i] = signStep(batch[i], gradients[i], epsilon, goal);
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] = bounds.clamp(out[i][j]);
            }
        }
        return out;
    }

    /** x + m·ε·sign(g) where |g| > 1e-6, x elsewhere; m = +1 untargeted, −1 targeted (in float, as PyTorch). */
    static float[] signStep(float[] x, float[] g, double epsilon, AttackGoal goal) {
        float step = (float) ((goal == AttackGoal.TARGETED ? -1 : 1) * epsilon);
        float[] out = new float[x.length];
        for (int j = 0; j < x.length; j++) {
            out[j] = Math.abs(g[j]) > ZERO_THRESHOLD ? x[j] + step * Math.signum(g[j]) : x[j];
        }
        return out;
    }

    /** The attack's settings. */
    public static final class Builder {
        private final DifferentiableModel model;
        private double epsilon = Double.NaN;
        private InputBounds bounds = InputBounds.NONE;
        private AttackGoal goal = AttackGoal.UNTARGETED;

        private Builder(DifferentiableModel model) {
            this.model = Objects.requireNonNull(model, "model");
        }

        /** The step size ε ≥ 0 (the L∞ radius). */
        public Builder epsilon(double epsilon) {
            this.epsilon = Attacks.requireRadius(epsilon, "ε");
            return this;
        }

        /** The box adversarial inputs are clamped to (default: none). */
        public Builder bounds(InputBounds bounds) {
            this.bounds = Objects.requireNonNull(bounds, "bounds");
            return this;
        }

        /** Untargeted (default) or targeted. */
        public Builder goal(AttackGoal goal) {
            this.goal = Objects.requireNonNull(goal, "goal");
            return this;
        }

        public Fgsm build() {
            if (Double.isNaN(epsilon)) {
                throw new IllegalArgumentException("FGSM needs ε (epsilon)");
            }
            return new Fgsm(this);
        }
    }
}
