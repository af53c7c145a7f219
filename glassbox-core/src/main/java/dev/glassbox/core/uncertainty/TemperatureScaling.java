package dev.glassbox.core.uncertainty;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.math.NewtonMinimizer;
import dev.glassbox.core.math.Vectors;
import java.util.Locale;

/**
 * Temperature scaling (Guo et al. 2017): one temperature T divides every logit, {@code p = softmax(z / T)}, chosen to
 * minimise the negative log-likelihood of validation labels. It changes confidences, never the predicted class.
 *
 * <p>The fit is solved to convergence, not by a fixed number of gradient steps. With {@code β = 1/T} the NLL
 * {@code (1/N) Σ_i [logsumexp(β z_i) − β z_i,y]} is convex in β: its second derivative is the mean variance of the
 * logits under the softmax. Newton's method with a line search on β therefore finds the global minimum. A finite
 * positive T exists when the labels' logits are above their rows' means on average (the logits say something about
 * the labels) and at least one validation sample is misclassified (else the NLL keeps falling as T → 0); otherwise
 * the fit throws {@link InvalidInputException}.
 */
public final class TemperatureScaling implements LogitCalibrator {
    private static final NewtonMinimizer NEWTON = new NewtonMinimizer(1e-10, 100);

    private final double temperature;
    private final CalibrationFit summary;

    private TemperatureScaling(double temperature, float[][] logits, int[] labels, int iterations) {
        this.temperature = temperature;
        this.summary = CalibrationFit.measure(logits, labels, this, iterations);
    }

    /** Fits the temperature that minimises the NLL of {@code labels} under {@code softmax(logits / T)}. */
    public static TemperatureScaling fit(float[][] logits, int[] labels) {
        int classes = Checks.logits(logits);
        Checks.labels(labels, logits.length, classes);
        requireFiniteOptimum(logits, labels);
        NewtonMinimizer.Result result = NEWTON.minimize(new InverseTemperatureNll(logits, labels), new double[] {1});
        if (!result.converged()) {
            throw new IllegalStateException("temperature scaling did not converge in " + result.iterations()
                    + " Newton steps (gradient " + result.gradientNorm() + ")");
        }
        return new TemperatureScaling(1 / result.argmin()[0], logits, labels, result.iterations());
    }

    /** The fitted temperature: above 1 softens over-confident predictions, below 1 sharpens under-confident ones. */
    public double temperature() {
        return temperature;
    }

    @Override
    public double[][] calibratedLogits(float[][] logits) {
        Checks.logits(logits);
        double[][] out = new double[logits.length][];
        for (int i = 0; i < logits.length; i++) {
            out[i] = scaled(logits[i], 1 / temperature);
        }
        return out;
    }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "temperature scaling (T = %.3f)", temperature);
    }

    @Override
    public CalibrationFit summary() {
        return summary;
    }

    private static void requireFiniteOptimum(float[][] logits, int[] labels) {
        double slopeAtInfiniteTemperature = 0;
        boolean anyMistake = false;
        for (int i = 0; i < labels.length; i++) {
            double mean = 0;
            double max = Double.NEGATIVE_INFINITY;
            for (float z : logits[i]) {
                mean += z;
                max = Math.max(max, z);
            }
            slopeAtInfiniteTemperature += mean / logits[i].length - logits[i][labels[i]];
            anyMistake |= logits[i][labels[i]] < max;
        }
        if (slopeAtInfiniteTemperature >= 0) {
            throw new InvalidInputException("temperature scaling found the labels' logits no higher than their rows' "
                    + "means on average: the logits say nothing about these labels, so no finite temperature fits");
        }
        if (!anyMistake) {
            throw new InvalidInputException("temperature scaling needs validation samples the model gets wrong: every "
                    + "label has its row's highest logit, so the NLL keeps falling as T → 0");
        }
    }

    private static double[] scaled(float[] logits, double inverseTemperature) {
        double[] out = new double[logits.length];
        for (int k = 0; k < logits.length; k++) {
            out[k] = inverseTemperature * logits[k];
        }
        return out;
    }

    /** The mean NLL as a function of {@code β = 1/T}, with its first and second derivatives. */
    private record InverseTemperatureNll(float[][] logits, int[] labels) implements NewtonMinimizer.Objective {
        @Override
        public double value(double[] beta) {
            if (!(beta[0] > 0)) {
                return Double.POSITIVE_INFINITY;
            }
            double sum = 0;
            for (int i = 0; i < labels.length; i++) {
                sum += Vectors.logSumExp(scaled(logits[i], beta[0])) - beta[0] * logits[i][labels[i]];
            }
            return sum / labels.length;
        }

        @Override
        public NewtonMinimizer.Evaluation evaluate(double[] beta) {
            double value = 0;
            double gradient = 0;
            double curvature = 0;
            for (int i = 0; i < labels.length; i++) {
                double[] row = scaled(logits[i], beta[0]);
                double[] q = Vectors.softmax(row);
                double mean = 0;
                double square = 0;
                for (int k = 0; k < q.length; k++) {
                    mean += q[k] * logits[i][k];
                    square += q[k] * logits[i][k] * logits[i][k];
                }
                value += Vectors.logSumExp(row) - beta[0] * logits[i][labels[i]];
                gradient += mean - logits[i][labels[i]];
                curvature += Math.max(square - mean * mean, 0);
            }
            int n = labels.length;
            return new NewtonMinimizer.Evaluation(value / n, new double[] {gradient / n},
                    new double[][] {{curvature / n}});
        }
    }
}
