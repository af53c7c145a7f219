package dev.glassbox.core.privacy;

/**
 * The privacy of a DP-SGD run as TensorFlow Privacy's {@code compute_dp_sgd_privacy} reports it: sampling rate
 * q = batch / n, T = ⌈epochs · n / batch⌉ steps of the sampled Gaussian mechanism (Poisson sampling assumed, as
 * there), RDP over {@link RdpAccountant#DEFAULT_ORDERS}, converted with the chosen {@link RdpConversion}. The
 * inverse, {@link #noiseMultiplier}, bisects on σ, ε being decreasing in σ.
 */
public record DpSgdPrivacy(long examples, long batchSize, double epochs, double delta, RdpConversion conversion) {

    public DpSgdPrivacy {
        if (examples < 1 || batchSize < 1 || batchSize > examples) {
            throw new IllegalArgumentException("need 1 ≤ batch size ≤ examples, got batch " + batchSize + " of "
                    + examples);
        }
        if (!(epochs > 0) || Double.isInfinite(epochs)) {
            throw new IllegalArgumentException("epochs must be positive, was " + epochs);
        }
        if (!(delta > 0 && delta < 1)) {
            throw new IllegalArgumentException("δ must lie in (0, 1), was " + delta);
        }
    }

    /** TensorFlow Privacy's setting: the classic conversion. */
    public static DpSgdPrivacy of(long examples, long batchSize, double epochs, double delta) {
        return new DpSgdPrivacy(examples, batchSize, epochs, delta, RdpConversion.CLASSIC);
    }

    /** The sampling rate q = batch / n. */
    public double samplingRate() {
        return batchSize / (double) examples;
    }

    /** T = ⌈epochs · n / batch⌉. */
    public long steps() {
        return (long) Math.ceil(epochs * examples / batchSize);
    }

    /** The (ε, δ) guarantee after the run with this noise multiplier. */
    public PrivacySpent epsilon(double noiseMultiplier) {
        return RdpAccountant.create().compose(samplingRate(), noiseMultiplier, steps()).epsilon(delta, conversion);
    }

    /**
     * The smallest noise multiplier (to {@code 1e-6} relative) whose ε does not exceed {@code targetEpsilon}, found by
     * bisection after bracketing.
     */
    public double noiseMultiplier(double targetEpsilon) {
        if (!(targetEpsilon > 0) || Double.isInfinite(targetEpsilon)) {
            throw new IllegalArgumentException("target ε must be positive, was " + targetEpsilon);
        }
        double hi = 1;
        while (epsilon(hi).epsilon() > targetEpsilon) {
            hi *= 2;
            if (hi > 1e6) {
                throw new IllegalArgumentException("no noise multiplier up to 1e6 reaches ε = " + targetEpsilon);
            }
        }
        double lo = hi / 2;
        while (lo > 1e-6 && epsilon(lo).epsilon() <= targetEpsilon) {
            hi = lo;
            lo /= 2;
        }
        while (hi - lo > 1e-6 * hi) {
            double mid = 0.5 * (lo + hi);
            if (epsilon(mid).epsilon() <= targetEpsilon) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }
}
