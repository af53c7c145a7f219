/**
 * Adversarial robustness: gradient attacks on any {@link dev.glassbox.djl.DifferentiableModel} and robust accuracy
 * against the size of the perturbation.
 *
 * <p>{@link dev.glassbox.djl.robust.Fgsm} (one signed gradient step) and {@link dev.glassbox.djl.robust.Pgd}
 * (projected steps in an L∞ or L2 ball, optionally from a seeded random start) follow Captum 0.8's
 * {@code captum.robust.FGSM} and {@code PGD} with {@code nn.CrossEntropyLoss(reduction="none")}: the input gradient
 * of the cross-entropy comes from one forward and one backward pass ({@code CrossEntropyGradient}), gradient entries
 * with |g| ≤ 1e-6 count as zero in the sign, and PGD projects onto the ball before clamping to the input bounds.
 * {@link dev.glassbox.djl.robust.RobustnessCurve} measures accuracy under attack for a list of radii;
 * {@link dev.glassbox.djl.robust.PgdEvaluation} does it with PGD from several random starts
 * ({@link dev.glassbox.djl.robust.Restarts}), as adversarial-training papers report.
 * {@link dev.glassbox.djl.robust.AdversarialTraining} (PGD or fast FGSM) replaces each training batch by adversarial
 * examples.
 */
package dev.glassbox.djl.robust;
