package dev.glassbox.core.explain.perturb;

import dev.glassbox.core.design.JitteredCholesky;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;

/**
 * The distribution of some coordinates {@code a} of a multivariate normal {@code N(μ, Σ)} given the others {@code b}:
 * {@code N(μ_a + Σ_ab Σ_bb⁻¹ (x_b − μ_b), Σ_aa − Σ_ab Σ_bb⁻¹ Σ_ba)} — the Schur complement of {@code Σ_bb}. Both
 * Cholesky factors (of {@code Σ_bb} and of the conditional covariance) come from {@link JitteredCholesky}, so a
 * covariance that is only semi-definite (pixels that never vary) is factored with a small jitter. Immutable and safe to
 * share between threads.
 */
final class ConditionalGaussian {
    private final int[] target;
    private final int[] observed;
    private final double[] targetMean;
    private final double[] observedMean;
    /** {@code Σ_bb⁻¹ Σ_ba}, {@code |b| × |a|}, row-major. */
    private final double[] gain;
    private final double[][] covariance;
    private final JitteredCholesky conditionalFactor;

    private ConditionalGaussian(double[] mean, double[][] sigma, int[] target, int[] observed) {
        this.target = target.clone();
        this.observed = observed.clone();
        int na = target.length;
        int nb = observed.length;
        this.targetMean = new double[na];
        for (int i = 0; i < na; i++) {
            targetMean[i] = mean[target[i]];
        }
        this.observedMean = new double[nb];
        for (int j = 0; j < nb; j++) {
            observedMean[j] = mean[observed[j]];
        }
        this.gain = new double[nb * na];
        if (nb > 0) {
            DMatrixRMaj sbb = new DMatrixRMaj(nb, nb);
            for (int i = 0; i < nb; i++) {
                for (int j = 0; j < nb; j++) {
                    sbb.set(i, j, sigma[observed[i]][observed[j]]);
                }
            }
            JitteredCholesky bb = JitteredCholesky.factor(sbb);
            double[] column = new double[nb];
            for (int a = 0; a < na; a++) {
                for (int j = 0; j < nb; j++) {
                    column[j] = sigma[observed[j]][target[a]];
                }
                double[] solved = bb.solve(column);
                for (int j = 0; j < nb; j++) {
                    gain[j * na + a] = solved[j];
                }
            }
        }
        this.covariance = new double[na][na];
        DMatrixRMaj conditional = new DMatrixRMaj(na, na);
        for (int i = 0; i < na; i++) {
            for (int k = 0; k < na; k++) {
                double value = sigma[target[i]][target[k]];
                for (int j = 0; j < nb; j++) {
                    value -= sigma[target[i]][observed[j]] * gain[j * na + k];
                }
                covariance[i][k] = value;
            }
        }
        for (int i = 0; i < na; i++) {
            for (int k = 0; k < na; k++) {
                double symmetric = 0.5 * (covariance[i][k] + covariance[k][i]);
                covariance[i][k] = symmetric;
                conditional.set(i, k, symmetric);
            }
        }
        this.conditionalFactor = na == 0 ? null : JitteredCholesky.factor(conditional);
    }

    /**
     * The conditional of coordinates {@code target} given coordinates {@code observed} of {@code N(mean, sigma)};
     * the two index sets must be disjoint ({@code observed} may be empty: the marginal of {@code target}).
     */
    static ConditionalGaussian of(double[] mean, double[][] sigma, int[] target, int[] observed) {
        return new ConditionalGaussian(mean, sigma, target, observed);
    }

    /** The conditional mean given the observed coordinates' values, in the order of {@code observed}. */
    double[] mean(double[] observedValues) {
        int na = target.length;
        double[] out = targetMean.clone();
        for (int j = 0; j < observed.length; j++) {
            double d = observedValues[j] - observedMean[j];
            if (d != 0) {
                for (int a = 0; a < na; a++) {
                    out[a] += gain[j * na + a] * d;
                }
            }
        }
        return out;
    }

    /** The conditional covariance (a copy); it does not depend on the observed values. */
    double[][] covariance() {
        double[][] out = new double[covariance.length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = covariance[i].clone();
        }
        return out;
    }

    /** One draw of the target coordinates: {@code mean(observedValues) + L z} with standard normals {@code z}. */
    double[] sample(double[] observedValues, RandomGenerator random) {
        double[] out = mean(observedValues);
        if (conditionalFactor == null) {
            return out;
        }
        double[] z = new double[out.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = random.nextGaussian();
        }
        double[] noise = conditionalFactor.lowerTimes(z);
        for (int i = 0; i < out.length; i++) {
            out[i] += noise[i];
        }
        return out;
    }

    /** The coordinates sampled, in the order given. */
    int[] target() {
        return target.clone();
    }

    /** The coordinates conditioned on, in the order given. */
    int[] observed() {
        return observed.clone();
    }
}
