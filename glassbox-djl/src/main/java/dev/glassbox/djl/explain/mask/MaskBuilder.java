package dev.glassbox.djl.explain.mask;

import dev.glassbox.core.Progress;
import dev.glassbox.core.explain.path.PathBaseline;
import dev.glassbox.djl.DifferentiableModel;

/**
 * The settings both mask methods share: what removed pixels become, the descent's length and learning rate, the
 * mask's grid step, and where progress goes. {@code B} is the concrete builder, returned by every setter.
 *
 * @param <B> the concrete builder
 */
public abstract class MaskBuilder<B extends MaskBuilder<B>> {
    final DifferentiableModel model;
    final MaskedImage image;
    PathBaseline perturbation = PathBaseline.blurred(10);
    int iterations;
    Integer step;
    Double learningRate;
    Progress progress = Progress.NONE;

    MaskBuilder(DifferentiableModel model, String method, int iterations) {
        this.model = model;
        this.image = MaskedImage.of(model.inputShape(), method);
        this.iterations = iterations;
    }

    abstract B self();

    /** What removed pixels become: a blurred copy (default σ = 10 pixels) or a constant. */
    public B perturbation(PathBaseline value) {
        perturbation = value;
        return self();
    }

    /** Descent iterations (default 800 for extremal perturbations, 500 for meaningful perturbations). */
    public B iterations(int value) {
        iterations = MaskSettings.positive(value, "the mask search's iterations");
        return self();
    }

    /** Pixels between the mask's parameters (default: about 32 along the shorter side, 28 for meaningful ones). */
    public B maskStep(int value) {
        step = MaskSettings.positive(value, "the mask step");
        return self();
    }

    /** The learning rate (default 0.01 · 800 / iterations for extremal perturbations, 0.1 for meaningful ones). */
    public B learningRate(double value) {
        learningRate = MaskSettings.positive(value, "the learning rate");
        return self();
    }

    /** Receives the iterations as they finish. */
    public B progress(Progress value) {
        progress = value;
        return self();
    }
}
