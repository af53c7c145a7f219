/**
 * Generative models: GAN, WGAN and WGAN-GP on 28×28 images ({@link dev.glassbox.djl.generative.GanTrainer} with a
 * {@link dev.glassbox.djl.generative.GanLoss}), the gradient penalty by double backward ({@link
 * dev.glassbox.djl.generative.GradientPenalty}), WGAN's {@link dev.glassbox.djl.generative.WeightClipping}, and
 * their evaluation without Inception on a classifier's penultimate features ({@link
 * dev.glassbox.djl.generative.GeneratorEvaluation}). The networks live in {@code zoo} ({@code DcganGenerator},
 * {@code DcganCritic}); the engine-free statistics in {@code dev.glassbox.core.generative}.
 */
package dev.glassbox.djl.generative;
