/**
 * Uncertainty that guides decisions: Gaussian process regression and Bayesian optimisation, engine-free (EJML).
 *
 * <p>{@link dev.glassbox.core.design.GaussianProcess} fits a process with a {@link
 * dev.glassbox.core.design.CovarianceKernel} (RBF, Matérn 3/2, Matérn 5/2, one length scale per input) by maximising
 * the log marginal likelihood with analytic gradients, and gives a {@link dev.glassbox.core.design.GpPosterior}
 * whose predictions agree with scikit-learn's {@code GaussianProcessRegressor}. {@link
 * dev.glassbox.core.design.BayesianOptimizer} minimises an expensive function over a {@link
 * dev.glassbox.core.design.Box} through an ask/tell loop: a seeded Latin hypercube first, then the maximiser of an
 * {@link dev.glassbox.core.design.Acquisition} of the fitted process. {@link
 * dev.glassbox.core.design.BenchmarkFunction} holds the standard test functions with their known minima.
 *
 * <p>Shared mechanics live once: the Cholesky factor with its jitter ladder ({@code JitteredCholesky}) and the
 * box-constrained quasi-Newton search ({@code BoundedQuasiNewton}) used both for hyperparameters and acquisitions.
 */
package dev.glassbox.core.design;
