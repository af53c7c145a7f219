package dev.glassbox.core.privacy;

/**
 * Rényi differential privacy of one step of the sampled Gaussian mechanism: each record is in the batch with
 * probability q, and Gaussian noise of standard deviation σ (the noise multiplier, in units of the sensitivity) is
 * added to the sum (Mironov, Talwar and Zhang 2019, "Rényi Differential Privacy of the Sampled Gaussian Mechanism").
 *
 * <p>RDP(α) = log(A_α) / (α − 1). For integer α, A_α = Σ_{i=0..α} C(α, i) (1 − q)^{α−i} q^i exp((i² − i) / (2σ²)),
 * summed in log space (section 3.3 of the paper). For fractional α, A_α = A_α,0 + A_α,1 with the two series of
 * section 3.3 over generalised binomial coefficients, weighted by Gaussian tails (erfc) split at
 * z₀ = σ² log(1/q − 1) + 1/2, summed until their terms fall below e^−30. These are the formulas of TensorFlow
 * Privacy's {@code rdp_accountant} (and of Opacus), so the numbers agree with theirs.
 */
public final class SampledGaussianRdp {
    private static final double LOG_HALF = Math.log(0.5);

    private SampledGaussianRdp() {
    }

    /** The RDP of one step at order {@code alpha} (> 1); infinite α or σ = 0 give infinity, q = 0 gives 0. */
    public static double rdp(double q, double noiseMultiplier, double alpha) {
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("sampling rate q must lie in [0, 1], was " + q);
        }
        if (!(noiseMultiplier >= 0) || Double.isNaN(noiseMultiplier)) {
            throw new IllegalArgumentException("noise multiplier must be at least 0, was " + noiseMultiplier);
        }
        if (!(alpha > 1)) {
            throw new IllegalArgumentException("Rényi order must be above 1, was " + alpha);
        }
        if (q == 0) {
            return 0;
        }
        if (noiseMultiplier == 0 || Double.isInfinite(alpha)) {
            return Double.POSITIVE_INFINITY;
        }
        if (q == 1) {
            return alpha / (2 * noiseMultiplier * noiseMultiplier);
        }
        double logA = alpha == Math.rint(alpha) && alpha < Integer.MAX_VALUE
                ? logAInteger(q, noiseMultiplier, (int) alpha)
                : logAFractional(q, noiseMultiplier, alpha);
        return logA / (alpha - 1);
    }

    /** log A_α for integer α: the binomial expansion summed in log space. */
    static double logAInteger(double q, double sigma, int alpha) {
        double logA = Double.NEGATIVE_INFINITY;
        double logBinomial = 0;  // log C(alpha, 0)
        double logQ = Math.log(q);
        double log1mQ = Math.log1p(-q);
        for (int i = 0; i <= alpha; i++) {
            double term = logBinomial + i * logQ + (alpha - i) * log1mQ + (i * (double) i - i) / (2 * sigma * sigma);
            logA = logAdd(logA, term);
            logBinomial += Math.log(alpha - i) - Math.log(i + 1);
        }
        return logA;
    }

    /** log A_α for fractional α: the two series of the paper, with signed generalised binomial coefficients. */
    static double logAFractional(double q, double sigma, double alpha) {
        double logA0 = Double.NEGATIVE_INFINITY;
        double logA1 = Double.NEGATIVE_INFINITY;
        double z0 = sigma * sigma * Math.log(1 / q - 1) + 0.5;
        double logQ = Math.log(q);
        double log1mQ = Math.log1p(-q);
        double logCoef = 0;  // log |C(alpha, 0)|
        boolean positive = true;
        for (int i = 0; ; i++) {
            double j = alpha - i;
            double logT0 = logCoef + i * logQ + j * log1mQ;
            double logT1 = logCoef + j * logQ + i * log1mQ;
            double logE0 = LOG_HALF + logErfc((i - z0) / (Math.sqrt(2) * sigma));
            double logE1 = LOG_HALF + logErfc((z0 - j) / (Math.sqrt(2) * sigma));
            double logS0 = logT0 + (i * (double) i - i) / (2 * sigma * sigma) + logE0;
            double logS1 = logT1 + (j * j - j) / (2 * sigma * sigma) + logE1;
            if (positive) {
                logA0 = logAdd(logA0, logS0);
                logA1 = logAdd(logA1, logS1);
            } else {
                logA0 = logSub(logA0, logS0);
                logA1 = logSub(logA1, logS1);
            }
            if (Math.max(logS0, logS1) < -30) {
                break;
            }
            double ratio = (alpha - i) / (i + 1);  // C(alpha, i+1) = C(alpha, i) (alpha − i) / (i + 1)
            if (ratio == 0) {
                break;
            }
            logCoef += Math.log(Math.abs(ratio));
            if (ratio < 0) {
                positive = !positive;
            }
        }
        return logAdd(logA0, logA1);
    }

    /** log(e^a + e^b) without overflow. */
    static double logAdd(double a, double b) {
        double lo = Math.min(a, b);
        double hi = Math.max(a, b);
        if (lo == Double.NEGATIVE_INFINITY) {
            return hi;
        }
        return Math.log1p(Math.exp(lo - hi)) + hi;
    }

    /** log(e^a − e^b) for a ≥ b; −∞ when they are equal. */
    static double logSub(double a, double b) {
        if (a < b) {
            throw new ArithmeticException("log-space subtraction went negative: " + a + " < " + b);
        }
        if (b == Double.NEGATIVE_INFINITY) {
            return a;
        }
        if (a == b) {
            return Double.NEGATIVE_INFINITY;
        }
        return Math.log(-Math.expm1(b - a)) + a;  // log(e^a − e^b) = a + log(1 − e^(b − a))
    }

    /**
     * log erfc(x) for any x without underflow: a Taylor series of erf near 0, Lentz's continued fraction of
     * erfc(x) e^{x²} √π for x ≥ 2 (kept in log form, so erfc(40) is no problem), and erfc(x) = 2 − erfc(−x) below 0.
     */
    static double logErfc(double x) {
        if (x < 0) {
            return Math.log(2 - Math.exp(logErfc(-x)));
        }
        if (x < 2) {
            return Math.log1p(-erfSeries(x));
        }
        return -x * x - 0.5 * Math.log(Math.PI) + Math.log(continuedFraction(x));
    }

    /** erf(x) = 2/√π Σ (−1)^n x^{2n+1} / (n! (2n + 1)), accurate to about 1e-15 for |x| < 2. */
    private static double erfSeries(double x) {
        double term = x;  // (−1)^n x^{2n+1} / n!
        double sum = x;
        double x2 = x * x;
        for (int n = 1; n < 200; n++) {
            term *= -x2 / n;
            double next = term / (2 * n + 1);
            sum += next;
            if (Math.abs(next) < 1e-17 * Math.abs(sum)) {
                break;
            }
        }
        return 2 / Math.sqrt(Math.PI) * sum;
    }

    /** 1 / (x + (1/2) / (x + 1 / (x + (3/2) / (x + 2 / (x + …))))) = √π e^{x²} erfc(x), by Lentz's method. */
    private static double continuedFraction(double x) {
        double tiny = 1e-300;
        double f = x;
        double c = x;
        double d = 0;
        for (int k = 1; k < 500; k++) {
            double a = k / 2.0;
            d = x + a * d;
            d = d == 0 ? tiny : d;
            c = x + a / c;
            c = c == 0 ? tiny : c;
            d = 1 / d;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1) < 1e-16) {
                break;
            }
        }
        return 1 / f;
    }
}
