package dev.glassbox.djl.generative;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import dev.glassbox.core.InvalidInputException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The three adversarial objectives, over the critic's scores of real and generated images (both minimised):
 * <ul>
 *   <li>{@link #GAN}: the standard GAN (Goodfellow et al. 2014) with the non-saturating generator loss; the critic is
 *       a discriminator whose score is a logit: {@code softplus(−D(x)) + softplus(D(G(z)))} for it and
 *       {@code softplus(−D(G(z)))} for the generator (binary cross-entropy on logits).</li>
 *   <li>{@link #WGAN}: the Wasserstein GAN (Arjovsky et al. 2017): {@code D(G(z)) − D(x)} for the critic, kept
 *       Lipschitz by clipping its weights, and {@code −D(G(z))} for the generator.</li>
 *   <li>{@link #WGAN_GP}: the same losses with the gradient penalty of Gulrajani et al. (2017) in place of clipping
 *       ({@link GradientPenalty}).</li>
 * </ul>
 * Every term is a mean over the batch.
 */
public enum GanLoss {
    /** The standard, non-saturating GAN. */
    GAN("gan"),
    /** Wasserstein GAN with weight clipping. */
    WGAN("wgan"),
    /** Wasserstein GAN with a gradient penalty. */
    WGAN_GP("wgan-gp");

    private final String id;

    GanLoss(String id) {
        this.id = id;
    }

    /** The name on the command line and in saved results. */
    public String id() {
        return id;
    }

    /** The loss named {@code name} ({@code gan}, {@code wgan} or {@code wgan-gp}). */
    public static GanLoss parse(String name) {
        for (GanLoss loss : values()) {
            if (loss.id.equalsIgnoreCase(name.strip())) {
                return loss;
            }
        }
        throw new InvalidInputException("unknown GAN loss '" + name + "'; expected one of "
                + Arrays.stream(values()).map(GanLoss::id).collect(Collectors.joining(", ")));
    }

    /** Whether the critic is a Wasserstein critic (a score, not a logit). */
    public boolean isWasserstein() {
        return this != GAN;
    }

    /** The critic's loss for its scores of real and of generated images (each {@code batch × 1}). */
    public NDArray criticLoss(NDArray realScores, NDArray fakeScores) {
        if (isWasserstein()) {
            return fakeScores.mean().sub(realScores.mean());
        }
        return Activation.softPlus(realScores.neg()).mean().add(Activation.softPlus(fakeScores).mean());
    }

    /** The generator's loss for the critic's scores of generated images. */
    public NDArray generatorLoss(NDArray fakeScores) {
        return isWasserstein() ? fakeScores.mean().neg() : Activation.softPlus(fakeScores.neg()).mean();
    }
}
