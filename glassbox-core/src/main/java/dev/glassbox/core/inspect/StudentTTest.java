package dev.glassbox.core.inspect;

import dev.glassbox.core.math.IncompleteBeta;

/**
 * The two-sample, two-sided Student t-test with pooled variance (what {@code scipy.stats.ttest_ind} computes by
 * default, and what TCAV's reference implementation uses to compare concept scores with random-versus-random scores):
 * t = (mean_a − mean_b) / (s_p √(1/n_a + 1/n_b)) with n_a + n_b − 2 degrees of freedom, and the p-value
 * P(|T| ≥ |t|) = I_{df/(df + t²)}(df/2, ½).
 *
 * <p>When both samples are constant, t is undefined: the p-value is then 1 if the means are equal (nothing tells the
 * samples apart) and 0 if they differ (they differ with certainty), with t = 0 or ±∞.
 */
public final class StudentTTest {

    /**
     * A test's outcome.
     *
     * @param t the t statistic (positive when the first sample's mean is larger)
     * @param degreesOfFreedom n_a + n_b − 2
     * @param pValue the two-sided p-value
     */
    public record Result(double t, double degreesOfFreedom, double pValue) {
    }

    private StudentTTest() {
    }

    /** Tests whether two samples, each of at least two values, have the same mean. */
    public static Result twoSided(double[] a, double[] b) {
        if (a.length < 2 || b.length < 2) {
            throw new IllegalArgumentException("a two-sample t-test needs at least two values in each sample, got "
                    + a.length + " and " + b.length);
        }
        double meanA = mean(a);
        double meanB = mean(b);
        double df = a.length + b.length - 2;
        double pooled = (squaredDeviations(a, meanA) + squaredDeviations(b, meanB)) / df;
        double difference = meanA - meanB;
        if (pooled == 0) {
            return difference == 0 ? new Result(0, df, 1)
                    : new Result(Math.copySign(Double.POSITIVE_INFINITY, difference), df, 0);
        }
        double t = difference / Math.sqrt(pooled * (1.0 / a.length + 1.0 / b.length));
        return new Result(t, df, IncompleteBeta.regularized(df / (df + t * t), df / 2, 0.5));
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double squaredDeviations(double[] values, double mean) {
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return sum;
    }
}
