/**
 * Differential privacy, engine-free: the Rényi-DP accountant of the sampled Gaussian mechanism that DP-SGD runs.
 *
 * <p>{@link dev.glassbox.core.privacy.SampledGaussianRdp} gives the RDP of one step at any order α > 1 (Mironov,
 * Talwar and Zhang 2019), {@link dev.glassbox.core.privacy.RdpAccountant} composes steps over a list of orders and
 * converts to (ε, δ), and {@link dev.glassbox.core.privacy.DpSgdPrivacy} answers the two questions of a DP-SGD run
 * (what ε do these settings give; what noise multiplier reaches a target ε) with TensorFlow Privacy's defaults.
 */
package dev.glassbox.core.privacy;
