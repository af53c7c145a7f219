package dev.glassbox.core.privacy;

/** How a Rényi-DP curve becomes an (ε, δ) guarantee, minimised over the accountant's orders. */
public enum RdpConversion {
    /**
     * ε = RDP(α) + log(1/δ) / (α − 1) (Mironov 2017, Proposition 3): what TensorFlow Privacy's
     * {@code get_privacy_spent} used when its tutorial table was published, and what reproduces that table.
     */
    CLASSIC {
        @Override
        double epsilon(double rdp, double alpha, double delta) {
            return rdp - Math.log(delta) / (alpha - 1);
        }
    },
    /**
     * ε = RDP(α) + log((α − 1)/α) − (log δ + log α) / (α − 1) (Canonne, Kamath and Steinke 2020, Proposition 12;
     * Asoodeh et al. 2021): tighter, what TensorFlow Privacy and Opacus use now; never above {@link #CLASSIC}.
     */
    IMPROVED {
        @Override
        double epsilon(double rdp, double alpha, double delta) {
            double eps = rdp + Math.log1p(-1 / alpha) - (Math.log(delta) + Math.log(alpha)) / (alpha - 1);
            return Math.max(0, eps);
        }
    };

    abstract double epsilon(double rdp, double alpha, double delta);
}
