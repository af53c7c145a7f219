package dev.glassbox.core.design;

import java.util.Arrays;

/**
 * The hyperparameters of a Gaussian process with a {@link CovarianceKernel}: one length scale per input, the signal
 * variance {@code σ_f²} and the noise variance {@code σ_n²} of the observations. They are expressed in the scale the
 * process is fitted on: normalised inputs (the unit box) and standardised outputs when {@link GaussianProcess} is so
 * configured, as scikit-learn's {@code normalize_y}.
 *
 * @param lengthScales one positive length scale per input dimension
 * @param signalVariance the prior variance of the latent function, positive
 * @param noiseVariance the variance of the observation noise, positive (a tiny value for noise-free data)
 */
public record GpHyperparameters(double[] lengthScales, double signalVariance, double noiseVariance) {
    public GpHyperparameters {
        lengthScales = lengthScales.clone();
        for (double l : lengthScales) {
            if (!(l > 0) || Double.isInfinite(l)) {
                throw new IllegalArgumentException("length scales must be positive and finite, got "
                        + Arrays.toString(lengthScales));
            }
        }
        if (lengthScales.length == 0) {
            throw new IllegalArgumentException("a Gaussian process needs at least one length scale");
        }
        if (!(signalVariance > 0) || Double.isInfinite(signalVariance)) {
            throw new IllegalArgumentException("the signal variance must be positive and finite, got " + signalVariance);
        }
        if (!(noiseVariance > 0) || Double.isInfinite(noiseVariance)) {
            throw new IllegalArgumentException("the noise variance must be positive and finite, got " + noiseVariance);
        }
    }

    @Override
    public double[] lengthScales() {
        return lengthScales.clone();
    }

    /** The number of input dimensions. */
    public int dimensions() {
        return lengthScales.length;
    }

    /** {@code log ℓ_1 … log ℓ_d, log σ_f², log σ_n²}: the coordinates the marginal likelihood is maximised in. */
    double[] toLog() {
        double[] theta = new double[lengthScales.length + 2];
        for (int j = 0; j < lengthScales.length; j++) {
            theta[j] = Math.log(lengthScales[j]);
        }
        theta[lengthScales.length] = Math.log(signalVariance);
        theta[lengthScales.length + 1] = Math.log(noiseVariance);
        return theta;
    }

    /** The inverse of {@link #toLog()}. */
    static GpHyperparameters fromLog(double[] theta) {
        int d = theta.length - 2;
        double[] l = new double[d];
        for (int j = 0; j < d; j++) {
            l[j] = Math.exp(theta[j]);
        }
        return new GpHyperparameters(l, Math.exp(theta[d]), Math.exp(theta[d + 1]));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GpHyperparameters h && Arrays.equals(lengthScales, h.lengthScales)
                && Double.compare(signalVariance, h.signalVariance) == 0
                && Double.compare(noiseVariance, h.noiseVariance) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(lengthScales) + Double.hashCode(signalVariance) * 7 + Double.hashCode(noiseVariance);
    }

    @Override
    public String toString() {
        return "GpHyperparameters[lengthScales=" + Arrays.toString(lengthScales) + ", signalVariance="
                + signalVariance + ", noiseVariance=" + noiseVariance + "]";
    }
}
