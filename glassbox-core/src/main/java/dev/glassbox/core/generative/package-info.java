/**
 * Evaluation of generative models without Inception, engine-free: {@link
 * dev.glassbox.core.generative.FeatureGaussian} (the mean and covariance of a classifier's features over a set of
 * images), {@link dev.glassbox.core.generative.FrechetDistance} (the closed-form Fréchet distance between two such
 * Gaussians, the statistic of FID), {@link dev.glassbox.core.generative.GeneratedClasses} (the classes a classifier
 * sees among generated images: a missing class is mode collapse) and {@link
 * dev.glassbox.core.generative.ImageTiling} (sample grids and latent interpolations as one picture).
 */
package dev.glassbox.core.generative;
