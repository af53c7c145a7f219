/**
 * Attributions and the explainers that compute them. The contract ({@link dev.glassbox.core.explain.Explainer},
 * {@link dev.glassbox.core.explain.Attribution}) is shared by the black-box methods in the subpackages and the gradient
 * methods in glassbox-djl. Subpackages: {@code grouping} (the features attributions refer to, and superpixels),
 * {@code perturb} (occlusion, ablation, LIME, Kernel SHAP, Shapley values, SIS for any model) and {@code text} (text
 * models, tokens with offsets and vocabularies, and the same methods over the tokens of a text).
 */
package dev.glassbox.core.explain;
