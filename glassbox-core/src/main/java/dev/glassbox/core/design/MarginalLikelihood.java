package dev.glassbox.core.design;

import org.ejml.data.DMatrixRMaj;

/**
 * The log marginal likelihood of a zero-mean Gaussian process on fixed (already scaled) data, as a function of the
 * log hyperparameters {@code θ = (log ℓ_1 … log ℓ_d, log σ_f², log σ_n²)}, and its analytic gradient (Rasmussen and
 * Williams, eq. 5.8–5.9):
 * {@code log p(y) = −½ yᵀα − ½ log det K − (n/2) log 2π} with {@code α = K⁻¹y}, and
 * {@code ∂/∂θ_p = ½ tr((ααᵀ − K⁻¹) ∂K/∂θ_p)}.
 */
final class MarginalLikelihood {
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private final CovarianceKernel kernel;
    private final double[][] x;
    private final double[] y;

    MarginalLikelihood(CovarianceKernel kernel, double[][] x, double[] y) {
        this.kernel = kernel;
        this.x = x;
        this.y = y;
    }

    int parameters() {
        return x[0].length + 2;
    }

    /** The covariance of the training points (noise on the diagonal). */
    DMatrixRMaj covariance(GpHyperparameters h) {
        int n = x.length;
        double[] inverseSquares = inverseSquares(h.lengthScales());
        DMatrixRMaj k = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            k.set(i, i, h.signalVariance() + h.noiseVariance());
            for (int m = 0; m < i; m++) {
                double v = h.signalVariance() * kernel.correlation(scaledSquare(x[i], x[m], inverseSquares));
                k.set(i, m, v);
                k.set(m, i, v);
            }
        }
        return k;
    }

    /** The log marginal likelihood at {@code θ}; the gradient is written into {@code gradient} when it is not null. */
    double evaluate(double[] theta, double[] gradient) {
        GpHyperparameters h = GpHyperparameters.fromLog(theta);
        JitteredCholesky factor = JitteredCholesky.factor(covariance(h));
        double[] alpha = factor.solve(y);
        double fit = 0;
        for (int i = 0; i < y.length; i++) {
            fit += y[i] * alpha[i];
        }
        double value = -0.5 * fit - 0.5 * factor.logDeterminant() - 0.5 * y.length * LOG_2PI;
        if (gradient != null) {
            gradient(h, factor, alpha, gradient);
        }
        return value;
    }

    private void gradient(GpHyperparameters h, JitteredCholesky factor, double[] alpha, double[] gradient) {
        int n = x.length;
        int d = x[0].length;
        double[][] inverse = factor.inverse();
        double[] inverseSquares = inverseSquares(h.lengthScales());
        double sf2 = h.signalVariance();
        java.util.Arrays.fill(gradient, 0);
        double diagonalTrace = 0;
        for (int i = 0; i < n; i++) {
            double w = alpha[i] * alpha[i] - inverse[i][i];
            diagonalTrace += w;
            for (int m = 0; m < i; m++) {
                double wim = alpha[i] * alpha[m] - inverse[i][m];
                double r2 = scaledSquare(x[i], x[m], inverseSquares);
                // off-diagonal pairs count twice in the trace, which cancels the ½
                gradient[d] += wim * sf2 * kernel.correlation(r2);
                double common = wim * sf2 * kernel.slope(r2);
                for (int j = 0; j < d; j++) {
                    double diff = x[i][j] - x[m][j];
                    gradient[j] += common * diff * diff * inverseSquares[j];
                }
            }
        }
        gradient[d] += 0.5 * diagonalTrace * sf2;
        gradient[d + 1] = 0.5 * diagonalTrace * h.noiseVariance();
    }

    static double[] inverseSquares(double[] lengthScales) {
        double[] out = new double[lengthScales.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = 1 / (lengthScales[j] * lengthScales[j]);
        }
        return out;
    }

    static double scaledSquare(double[] a, double[] b, double[] inverseSquares) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            double diff = a[j] - b[j];
            s += diff * diff * inverseSquares[j];
        }
        return s;
    }
}
