/**
 * Is the model certain? The uncertainty methods that need the model itself: MC dropout with BatchNorm kept in
 * inference mode (DJL block and TorchScript models), deep ensembles, Bayesian layers trained by Bayes by backprop
 * with the local reparameterisation trick, and an autoencoder's reconstruction error as an out-of-distribution score,
 * with out-of-distribution image sets that need no download, and mean–variance regression networks (Gaussian NLL) as one
 * network, a deep ensemble or MC dropout, split into aleatoric and epistemic variance. Their predictions feed the engine-free metrics of
 * {@code dev.glassbox.core.uncertainty} (calibration, entropy decomposition, OOD scores and their AUROC).
 *
 * <p>Stochastic passes are batched (T copies of each sample stacked in one engine batch) and seeded through the
 * engine's random generator: the same seed and batch size give the same draws.
 */
package dev.glassbox.djl.uncertainty;
