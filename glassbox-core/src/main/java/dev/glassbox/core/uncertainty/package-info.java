/**
 * Is the model certain? Engine-free uncertainty measures over plain numbers: calibration metrics (ECE with
 * equal-width or equal-mass bins, MCE, classwise ECE, NLL, Brier), post-hoc calibration of logits (temperature and
 * vector scaling), the entropy decomposition of stochastic predictions (MC dropout passes, ensemble members) into
 * aleatoric and epistemic parts, the calibration of Gaussian regression predictions (central-interval coverage curve,
 * miscalibration area, NLL, sharpness) with σ scaling, and out-of-distribution scores with the metrics that judge them (AUROC, AUPRC,
 * FPR at 95% TPR).
 *
 * <p>Conventions: logits are {@code float[N][K]} as models return them; probabilities are {@code double[N][K]} rows
 * that sum to 1; labels are class indices; stochastic predictions are {@code T × N × K}; entropies are in nats; every
 * out-of-distribution score is "higher = more likely out of distribution". Bad input throws
 * {@link dev.glassbox.core.InvalidInputException} with a message that says what was wrong.
 */
package dev.glassbox.core.uncertainty;
