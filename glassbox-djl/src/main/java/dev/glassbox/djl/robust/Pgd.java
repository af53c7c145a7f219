package dev.glassbox.djl.robust;

import dev.glassbox.djl.DifferentiableModel;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Projected gradient descent (Madry et al. 2018): from x (or a seeded uniform random point of the ε-ball around it,
 * clamped to the bounds), repeat {@code steps} times: step by α along the loss gradient (up the cross-entropy of y
 * when untargeted, down that of the target when targeted), project onto the ε-ball around x, clamp to the input
 * bounds — in that order, as Captum 0.8's {@code PGD}. The L∞ step is α · sign(g) with |g| ≤ 1e-6 counted as zero
 * (Captum's FGSM step). The L2 step is α · g/‖g‖ per sample by default ({@link PgdStep#NORMALISED}); Captum 0.8
 * takes the sign step for L2 too ({@link PgdStep#SIGN} reproduces it) and projects with {@code torch.renorm}
 * (δ · ε/(‖δ‖ + 1e-7) when ‖δ‖ > ε). The L2 random start is Captum's: a Gaussian direction, radius ε · U^{1/d}.
 */
public final class Pgd implements AdversarialAttack {
    private final DifferentiableModel model;
    private final AttackNorm norm;
    private final double epsilon;
    private final double stepSize;
    private final int steps;
    private final boolean randomStart;
    private final long seed;
    private final InputBounds bounds;
    private final AttackGoal goal;
    private final PgdStep step;

    private Pgd(Builder b) {
        this.model = b.model;
        this.norm = b.norm;
        this.epsilon = b.epsilon;
        this.stepSize = Double.isNaN(b.stepSize) ? defaultStepSize(b.epsilon, b.steps) : b.stepSize;
        this.steps = b.steps;
        this.randomStart = b.randomStart;
        this.seed = b.seed;
        this.bounds = b.bounds;
        this.goal = b.goal;
        this.step = b.step != null ? b.step : b.norm == AttackNorm.LINF ? PgdStep.SIGN : PgdStep.NORMALISED;
    }

    /** 2.5 ε / steps (Madry et al.'s rule of thumb: enough to cross the ball and come back). */
    public static double defaultStepSize(double epsilon, int steps) {
        return 2.5 * epsilon / steps;
    }

    /** A PGD attack on the model; set at least {@link Builder#epsilon}. */
    public static Builder builder(DifferentiableModel model) {
        return new Builder(model);
    }

    @Override
    public DifferentiableModel model() {
        return model;
    }

    /** The step size α in use. */
    public double stepSize() {
        return stepSize;
    }

    @Override
    public float[][] perturb(float[][] batch, int[] classes) {
        Attacks.requireClasses(batch, classes);
        float[][] current = new float[batch.length][];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < batch.length; i++) {
            current[i] = randomStart ? clamp(randomPoint(batch[i], random)) : batch[i].clone();
        }
        for (int t = 0; t < steps; t++) {
            float[][] gradients = CrossEntropyGradient.of(model, current, classes).gradients();
            for (int i = 0; i < batch.length; i++) {
                float[] moved = step == PgdStep.SIGN
                        ? Fgsm.signStep(current[i], gradients[i], stepSize, goal)
                        : normalisedStep(current[i], gradients[i]);
                current[i] = clamp(project(batch[i], moved));
            }
        }
        return current;
    }

    private float[] normalisedStep(float[] x, float[] g) {
        double length = 0;
        for (float v : g) {
            length += (double) v * v;
        }
        length = Math.sqrt(length);
        if (length == 0) {
            return x.clone();
        }
        double scale = (goal == AttackGoal.TARGETED ? -1 : 1) * stepSize / length;
        float[] out = new float[x.length];
        for (int j = 0; j < x.length; j++) {
            out[j] = (float) (x[j] + scale * g[j]);
        }
        return out;
    }

    /** x + the perturbation projected onto the ε-ball (clamped per value for L∞, renormed for L2). */
    private float[] project(float[] x, float[] moved) {
        float[] out = new float[x.length];
        if (norm == AttackNorm.LINF) {
            float r = (float) epsilon;
            for (int j = 0; j < x.length; j++) {
                out[j] = x[j] + Math.max(-r, Math.min(r, moved[j] - x[j]));
            }
            return out;
        }
        double length = 0;
        float[] diff = new float[x.length];
        for (int j = 0; j < x.length; j++) {
            diff[j] = moved[j] - x[j];
            length += (double) diff[j] * diff[j];
        }
        length = Math.sqrt(length);
        float factor = length > epsilon ? (float) (epsilon / (length + 1e-7)) : 1f;
        for (int j = 0; j < x.length; j++) {
            out[j] = x[j] + diff[j] * factor;
        }
        return out;
    }

    private float[] clamp(float[] values) {
        for (int j = 0; j < values.length; j++) {
            values[j] = bounds.clamp(values[j]);
        }
        return values;
    }

    private float[] randomPoint(float[] center, SplittableRandom random) {
        float[] out = new float[center.length];
        if (norm == AttackNorm.LINF) {
            for (int j = 0; j < center.length; j++) {
                out[j] = (float) (center[j] + (random.nextDouble() * 2 - 1) * epsilon);
            }
            return out;
        }
        double[] direction = new double[center.length];
        double length = 0;
        for (int j = 0; j < center.length; j++) {
            direction[j] = gaussian(random);
            length += direction[j] * direction[j];
        }
        length = Math.max(Math.sqrt(length), 1e-12);
        double radius = Math.pow(random.nextDouble(), 1.0 / center.length) * epsilon;
        for (int j = 0; j < center.length; j++) {
            out[j] = (float) (center[j] + radius * direction[j] / length);
        }
        return out;
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /** The attack's settings. */
    public static final class Builder {
        private final DifferentiableModel model;
        private AttackNorm norm = AttackNorm.LINF;
        private double epsilon = Double.NaN;
        private double stepSize = Double.NaN;
        private int steps = 20;
        private boolean randomStart;
        private long seed;
        private InputBounds bounds = InputBounds.NONE;
        private AttackGoal goal = AttackGoal.UNTARGETED;
        private PgdStep step;

        private Builder(DifferentiableModel model) {
            this.model = Objects.requireNonNull(model, "model");
        }

        /** L∞ (default) or L2. */
        public Builder norm(AttackNorm norm) {
            this.norm = Objects.requireNonNull(norm, "norm");
            return this;
        }

        /** The radius ε ≥ 0 of the ball around each input. */
        public Builder epsilon(double epsilon) {
            this.epsilon = Attacks.requireRadius(epsilon, "ε");
            return this;
        }

        /** The step size α ≥ 0 (default: {@link #defaultStepSize}). */
        public Builder stepSize(double stepSize) {
            this.stepSize = Attacks.requireRadius(stepSize, "step size");
            return this;
        }

        /** The number of steps, at least 1 (default 20). */
        public Builder steps(int steps) {
            if (steps < 1) {
                throw new IllegalArgumentException("PGD needs at least 1 step, got " + steps);
            }
            this.steps = steps;
            return this;
        }

        /** Start from a uniform random point of the ball (drawn from {@link #seed}) instead of the input. */
        public Builder randomStart(boolean randomStart) {
            this.randomStart = randomStart;
            return this;
        }

        /** The seed of the random start (default 0). */
        public Builder seed(long seed) {
            this.seed = seed;
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

        /** The step rule (default: sign for L∞, normalised gradient for L2). */
        public Builder step(PgdStep step) {
            this.step = Objects.requireNonNull(step, "step");
            return this;
        }

        public Pgd build() {
            if (Double.isNaN(epsilon)) {
                throw new IllegalArgumentException("PGD needs ε (epsilon)");
            }
            return new Pgd(this);
        }
    }
}
