/**
 * Explanations by optimised masks: extremal perturbations (Fong, Patrick and Vedaldi 2019), the smooth mask of a fixed
 * area that best preserves (or deletes) a class, and meaningful perturbations (Fong and Vedaldi 2017), the smallest
 * smooth deletion that destroys it. The smooth mask generator, the area constraint, total variation, the gradient
 * steps and the optimisation loop are each written once and shared by both methods.
 */
package dev.glassbox.djl.explain.mask;
