/**
 * Differential privacy for models trained on the engine: DP-SGD with per-example gradient clipping, Gaussian noise
 * and Poisson sampling ({@link dev.glassbox.djl.privacy.DpSgd}, per-example gradients in one pass by
 * {@link dev.glassbox.djl.privacy.PerExampleGradients}), accounted for by the Rényi-DP accountant of
 * {@code dev.glassbox.core.privacy}.
 */
package dev.glassbox.djl.privacy;
