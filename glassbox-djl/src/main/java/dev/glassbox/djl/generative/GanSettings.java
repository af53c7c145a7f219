package dev.glassbox.djl.generative;

import dev.glassbox.core.InvalidInputException;

/**
 * How a GAN trains: the loss, the number of generator steps, the batch size, the critic steps per generator step
 * ({@code n_critic}), the learning rate of both networks, the clipping bound (WGAN) and the penalty weight λ
 * (WGAN-GP), and the seed of everything random (initial weights, batches, codes, interpolation points).
 *
 * @param loss the adversarial objective
 * @param iterations generator steps
 * @param batchSize images per critic step and codes per generator step
 * @param criticSteps critic steps before each generator step
 * @param learningRate the learning rate of both optimisers
 * @param clip the bound c of WGAN's weight clipping to [−c, c] (used by {@link GanLoss#WGAN} only)
 * @param penaltyWeight λ of the gradient penalty (used by {@link GanLoss#WGAN_GP} only)
 * @param seed the seed
 */
public record GanSettings(GanLoss loss, int iterations, int batchSize, int criticSteps, float learningRate, float clip,
        float penaltyWeight, long seed) {
    /** Checks every setting and says which is wrong. */
    public GanSettings {
        if (iterations < 1 || batchSize < 1 || criticSteps < 1) {
            throw new InvalidInputException("GAN training needs positive iterations, batch size and critic steps; got "
                    + iterations + " iterations, batch size " + batchSize + ", " + criticSteps + " critic steps");
        }
        if (!(learningRate > 0) || Float.isInfinite(learningRate)) {
            throw new InvalidInputException("the learning rate must be positive and finite; got " + learningRate);
        }
        if (!(clip > 0) || Float.isInfinite(clip)) {
            throw new InvalidInputException("the clipping bound must be positive and finite; got " + clip);
        }
        if (!(penaltyWeight >= 0) || Float.isInfinite(penaltyWeight)) {
            throw new InvalidInputException("the penalty weight must be zero or positive and finite; got "
                    + penaltyWeight);
        }
    }

    /**
     * The papers' settings for {@code loss}, with {@code iterations} generator steps and batches of 64: the standard
     * GAN one critic step per generator step at 2·10⁻⁴ (DCGAN's Adam, β₁ = 0.5); WGAN five at 5·10⁻⁵ (RMSProp,
     * c = 0.01); WGAN-GP five at 10⁻⁴ (Adam, β₁ = 0, β₂ = 0.9, λ = 10).
     */
    public static GanSettings defaults(GanLoss loss, int iterations, long seed) {
        return switch (loss) {
            case GAN -> new GanSettings(loss, iterations, 64, 1, 2e-4f, 0.01f, 10, seed);
            case WGAN -> new GanSettings(loss, iterations, 64, 5, 5e-5f, 0.01f, 10, seed);
            case WGAN_GP -> new GanSettings(loss, iterations, 64, 5, 1e-4f, 0.01f, 10, seed);
        };
    }
}
