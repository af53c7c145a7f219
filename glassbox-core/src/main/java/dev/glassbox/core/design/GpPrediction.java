package dev.glassbox.core.design;

/**
 * A Gaussian process's prediction at one point, in the units of the observations.
 *
 * @param mean the posterior mean of the latent function
 * @param variance the posterior variance of the latent function (what is uncertain about f itself)
 * @param noiseVariance the fitted variance of the observation noise
 */
public record GpPrediction(double mean, double variance, double noiseVariance) {
    /** The posterior standard deviation of the latent function. */
    public double std() {
        return Math.sqrt(variance);
    }

    /**
     * The standard deviation of a new observation, latent uncertainty plus noise (what scikit-learn's {@code
     * predict(..., return_std=True)} returns when the kernel holds a {@code WhiteKernel}).
     */
    public double observationStd() {
        return Math.sqrt(variance + noiseVariance);
    }
}
