/**
 * Measures of models and explanations: accuracy; the similarity of two attribution maps (Spearman and Pearson
 * correlation, SSIM, HOG features, top-k intersection) that sanity checks compare explanations with; how well a map
 * localises an object in a {@link dev.glassbox.core.metrics.BoundingBox} ({@link dev.glassbox.core.metrics.Localisation}:
 * pointing game, energy-based pointing game, IoU of the top pixels).
 */
package dev.glassbox.core.metrics;
