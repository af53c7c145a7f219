/**
 * Attacks on explanations (Ghorbani, Abid and Zou 2019; Dombrowski et al. 2019): a perturbation in the L∞ ball of
 * radius ε that keeps the model's prediction but moves an explanation map.
 *
 * <p>{@link dev.glassbox.djl.robust.explanation.ExplanationAttack} attacks any {@link dev.glassbox.core.explain.Explainer}
 * of any model: it needs only maps and predictions, and estimates the gradient of the map's dissimilarity by Gaussian
 * smoothing ({@code SmoothedGradient}), because the map of a ReLU network is piecewise constant in its input and its
 * exact gradient is zero almost everywhere. {@link dev.glassbox.djl.robust.explanation.MapGoal} says what the attack
 * lowers: the share of the map's mass in the original map's top-k features, or the distance to a target map.
 * {@link dev.glassbox.djl.robust.explanation.MapShift} measures how far a map moved (top-k intersection, Spearman's ρ).
 */
package dev.glassbox.djl.robust.explanation;
