package dev.glassbox.djl.robust;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import dev.glassbox.djl.zoo.Training;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Adversarial training: every mini-batch is replaced by L∞ adversarial examples crafted against the network as it
 * stands, so that the network minimises the loss inside the ε-ball (Madry et al. 2018's min–max objective).
 * {@link Kind#PGD} crafts them by projected gradient ascent from a uniform random point of the ball ({@code steps}
 * steps of size α, default 2.5 ε / steps); {@link Kind#FAST} is Wong, Rice and Kolter 2020's "fast is better than
 * free": one signed step of size α = 1.25 ε from a uniform random start, projected back onto the ball. Each step is
 * δ ← clip(δ + α · sign(∇ CE), −ε, ε), then x + δ is clamped to the input bounds. The attack runs the network in
 * inference mode (BatchNorm on its running statistics, no dropout, as the robustness library of Madry's group) with
 * the weights frozen, so it neither moves the running statistics nor leaves gradients on the weights; the random
 * starts come from the engine's generator, which the training loop seeds.
 *
 * <p>At large radii (ε = 0.3 on [0, 1] images) a network attacked at full strength from its first step often never
 * leaves the constant prediction; {@link #withWarmup(long)} lets the radius (and with it α) grow linearly from ε/W to
 * ε over the first W mini-batches, as Gowal et al. 2019 and most large-ε recipes since. A recipe with a warm-up counts
 * the mini-batches it has perturbed, so it serves one training run.
 */
public final class AdversarialTraining implements Training.InputPerturbation {

    /** How the adversarial examples are crafted. */
    public enum Kind {
        /** Projected gradient descent with a random start (Madry et al. 2018). */
        PGD,
        /** One FGSM step of 1.25 ε from a random start (Wong, Rice and Kolter 2020). */
        FAST;

        /** The lower-case name the command line takes: {@code pgd}, {@code fast}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The kind of that name (case-insensitive). */
        public static Kind parse(String text) {
            for (Kind k : values()) {
                if (k.id().equals(text.toLowerCase(Locale.ROOT))) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown adversarial training '" + text + "': expected pgd or fast");
        }
    }

    private final Kind kind;
    private final double epsilon;
    private final int steps;
    private final double stepSize;
    private final InputBounds bounds;
    private final long warmupBatches;
    private long batchesPerturbed;

    private AdversarialTraining(Kind kind, double epsilon, int steps, double stepSize, InputBounds bounds,
            long warmupBatches) {
        this.kind = kind;
        this.epsilon = epsilon;
        this.steps = steps;
        this.stepSize = stepSize;
        this.bounds = bounds;
        this.warmupBatches = warmupBatches;
    }

    /** PGD adversarial training: {@code steps} steps of 2.5 ε / steps from a random start, inputs kept in bounds. */
    public static AdversarialTraining pgd(double epsilon, int steps, InputBounds bounds) {
        if (steps < 1) {
            throw new IllegalArgumentException("PGD adversarial training needs at least 1 step, got " + steps);
        }
        double radius = Attacks.requireRadius(epsilon, "ε");
        return new AdversarialTraining(Kind.PGD, radius, steps, Pgd.defaultStepSize(radius, steps), bounds, 0);
    }

    /** Fast adversarial training: one step of 1.25 ε from a random start, inputs kept in bounds. */
    public static AdversarialTraining fast(double epsilon, InputBounds bounds) {
        double radius = Attacks.requireRadius(epsilon, "ε");
        return new AdversarialTraining(Kind.FAST, radius, 1, 1.25 * radius, bounds, 0);
    }

    /** The recipe of that kind with its default steps (PGD: {@code pgdSteps}). */
    public static AdversarialTraining of(Kind kind, double epsilon, int pgdSteps, InputBounds bounds) {
        return kind == Kind.PGD ? pgd(epsilon, pgdSteps, bounds) : fast(epsilon, bounds);
    }

    /**
     * The same recipe with its radius and step size scaled by min(1, b / {@code batches}) on its b-th mini-batch
     * (b = 1, 2, …); 0 batches is no warm-up.
     */
    public AdversarialTraining withWarmup(long batches) {
        if (batches < 0) {
            throw new IllegalArgumentException("the ε warm-up cannot be negative, got " + batches + " batches");
        }
        return new AdversarialTraining(kind, epsilon, steps, stepSize, bounds, batches);
    }

    /** The radius this recipe uses on its {@code batch}-th mini-batch (from 1): ε, or less during the warm-up. */
    public double epsilonAt(long batch) {
        return epsilon * warmupScale(batch);
    }

    private double warmupScale(long batch) {
        return warmupBatches == 0 ? 1 : Math.min(1.0, batch / (double) warmupBatches);
    }

    /** PGD or fast. */
    public Kind kind() {
        return kind;
    }

    /** The L∞ radius. */
    public double epsilon() {
        return epsilon;
    }

    /** Gradient steps per mini-batch. */
    public int steps() {
        return steps;
    }

    /** The step size α. */
    public double stepSize() {
        return stepSize;
    }

    @Override
    public NDArray apply(Trainer trainer, NDArray inputs, NDArray labels) {
        Objects.requireNonNull(trainer, "trainer");
        List<Parameter> trained = trainer.getModel().getBlock().getParameters().values().stream()
                .filter(Parameter::requiresGradient).toList();
        double scale = warmupScale(++batchesPerturbed);
        float eps = (float) (epsilon * scale);
        double alpha = stepSize * scale;
        NDArray delta = inputs.getManager().randomUniform(-eps, eps, inputs.getShape());
        trained.forEach(p -> p.freeze(true));
        try {
            for (int t = 0; t < steps; t++) {
                NDArray x = clamp(inputs.add(delta)).stopGradient();
                x.setRequiresGradient(true);
                try (GradientCollector collector = trainer.newGradientCollector()) {
                    NDList scores = trainer.evaluate(new NDList(x));
                    collector.backward(trainer.getLoss().evaluate(new NDList(labels), scores));
                }
                NDArray moved = x.sub(inputs).add(x.getGradient().sign().mul(alpha));
                delta = moved.clip(-eps, eps).stopGradient();
            }
        } finally {
            trained.forEach(p -> p.freeze(false));
        }
        return clamp(inputs.add(delta)).stopGradient();
    }

    private NDArray clamp(NDArray x) {
        return bounds == InputBounds.NONE ? x : x.clip(bounds.lower(), bounds.upper());
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s adversarial training, L∞ ε = %s, %d step%s of α = %s%s", kind.id(),
                epsilon, steps, steps == 1 ? "" : "s", stepSize,
                warmupBatches == 0 ? "" : ", ε warmed up linearly over " + warmupBatches + " batches");
    }
}
