package dev.glassbox.core.design;

import dev.glassbox.core.InvalidInputException;

/**
 * A Gaussian process conditioned on its training data: predictive means and variances anywhere, their gradients, and
 * the fitted hyperparameters with their log marginal likelihood. Immutable; made by {@link GaussianProcess#fit}.
 */
public final class GpPosterior {
    private final CovarianceKernel kernel;
    private final GpHyperparameters hyperparameters;
    private final double[][] u;
    private final double[] shift;
    private final double[] scale;
    private final double yMean;
    private final double yStd;
    private final JitteredCholesky factor;
    private final double[] alpha;
    private final double logMarginalLikelihood;
    private final double[] inverseSquares;

    GpPosterior(CovarianceKernel kernel, GpHyperparameters hyperparameters, double[][] u, double[] shift, double[] scale,
            double yMean, double yStd, JitteredCholesky factor, double[] alpha, double logMarginalLikelihood) {
        this.kernel = kernel;
        this.hyperparameters = hyperparameters;
        this.u = u;
        this.shift = shift;
        this.scale = scale;
        this.yMean = yMean;
        this.yStd = yStd;
        this.factor = factor;
        this.alpha = alpha;
        this.logMarginalLikelihood = logMarginalLikelihood;
        this.inverseSquares = MarginalLikelihood.inverseSquares(hyperparameters.lengthScales());
    }

    /** The hyperparameters, in the fitted scale (normalised inputs, standardised outputs where so configured). */
    public GpHyperparameters hyperparameters() {
        return hyperparameters;
    }

    /** The log marginal likelihood of the (standardised) training outputs under the hyperparameters. */
    public double logMarginalLikelihood() {
        return logMarginalLikelihood;
    }

    /** The jitter that had to be added to the covariance's diagonal (0 when none). */
    public double jitter() {
        return factor.jitter();
    }

    /** The kernel. */
    public CovarianceKernel kernel() {
        return kernel;
    }

    /** The number of inputs per point. */
    public int dimensions() {
        return shift.length;
    }

    /** The number of training points. */
    public int size() {
        return u.length;
    }

    /** The prediction at {@code x}, in the data's units. */
    public GpPrediction predict(double[] x) {
        if (x.length != shift.length) {
            throw new InvalidInputException("the point has " + x.length + " values, the process " + shift.length
                    + " inputs");
        }
        double[] point = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            point[j] = (x[j] - shift[j]) / scale[j];
        }
        return predictScaled(point, null, null);
    }

    /**
     * The prediction at a point in the fitted (normalised) input scale; when the arrays are given, the gradients of
     * the mean and of the latent standard deviation with respect to that point are written into them.
     */
    GpPrediction predictScaled(double[] point, double[] meanGradient, double[] stdGradient) {
        int n = u.length;
        int d = point.length;
        double sf2 = hyperparameters.signalVariance();
        double[] k = new double[n];
        double[] slope = meanGradient == null ? null : new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            double r2 = MarginalLikelihood.scaledSquare(point, u[i], inverseSquares);
            k[i] = sf2 * kernel.correlation(r2);
            if (slope != null) {
                slope[i] = sf2 * kernel.slope(r2);
            }
            mean += k[i] * alpha[i];
        }
        double[] w = factor.solve(k);
        double reduction = 0;
        for (int i = 0; i < n; i++) {
            reduction += k[i] * w[i];
        }
        double variance = Math.max(sf2 - reduction, 0);
        if (meanGradient != null) {
            double std = Math.sqrt(variance);
            for (int j = 0; j < d; j++) {
                double dm = 0;
                double dv = 0;
                for (int i = 0; i < n; i++) {
                    double dk = -slope[i] * (point[j] - u[i][j]) * inverseSquares[j];
                    dm += alpha[i] * dk;
                    dv -= 2 * w[i] * dk;
                }
                meanGradient[j] = dm * yStd;
                stdGradient[j] = std > 1e-12 ? dv / (2 * std) * yStd : 0;
            }
        }
        return new GpPrediction(yMean + yStd * mean, variance * yStd * yStd,
                hyperparameters.noiseVariance() * yStd * yStd);
    }
}
