/**
 * Influence of training data, engine-free: a model's per-example losses as functions of its parameters
 * ({@link dev.glassbox.core.inspect.ExampleLosses}), the L2-regularised training risk they make, its minimisation to
 * convergence by truncated Newton, inverse-Hessian–vector products (exact by Cholesky, or conjugate gradients over
 * Hessian–vector products), influence functions (Koh &amp; Liang 2017), TracIn over checkpoints, and exact
 * leave-one-out retraining as the ground truth they are measured against.
 */
package dev.glassbox.core.inspect;
