/**
 * The engine-free parts of the methods that look inside a model: the linear classifier behind concept activation
 * vectors and the significance test of TCAV scores; network dissection's generated concept images with exact masks,
 * per-unit thresholds and IoU tallies; and influence of training data — a model's per-example losses as functions of
 * its parameters ({@link dev.glassbox.core.inspect.ExampleLosses}), the L2-regularised training risk they make, its
 * minimisation to convergence by truncated Newton, inverse-Hessian–vector products (exact by Cholesky, or conjugate
 * gradients over Hessian–vector products, or LiSSA), influence functions (Koh &amp; Liang 2017) and their Newton step
 * (each removed example's own curvature taken out of the Hessian), TracIn over checkpoints, and exact leave-one-out
 * retraining as the ground truth they are measured against. The parts that run a model live in glassbox-djl's
 * {@code inspect} package.
 */
package dev.glassbox.core.inspect;
