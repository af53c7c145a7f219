/**
 * Measures of models and explanations: accuracy; the similarity of two attribution maps (Spearman and Pearson
 * correlation, SSIM, HOG features, top-k intersection) that sanity checks compare explanations with.
 */
package dev.glassbox.core.metrics;
