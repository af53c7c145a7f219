/**
 * Attributions and the explainers that compute them. The contract ({@link dev.glassbox.core.explain.Explainer},
 * {@link dev.glassbox.core.explain.Attribution}) is shared by black-box methods here and gradient methods in
 * glassbox-djl.
 */
package dev.glassbox.core.explain;
