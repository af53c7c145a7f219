package dev.glassbox.core.embed;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.Progress;
import java.util.Arrays;

/**
 * The optimiser of SNE and t-SNE as in van der Maaten (2014): gradient descent with momentum and per-coordinate
 * adaptive gains (Jacobs 1988: +0.2 when the gradient changes sign against the last step, ×0.8 otherwise, never below
 * 0.01), early exaggeration of the input affinities, and the points re-centred after every step.
 *
 * @param iterations the number of steps
 * @param learningRate the step size
 * @param exaggeration the factor on the affinities during the first {@code exaggerationIterations} steps
 * @param exaggerationIterations how long the exaggeration lasts
 * @param initialMomentum the momentum before {@code momentumSwitch}
 * @param finalMomentum the momentum from {@code momentumSwitch} on
 * @param momentumSwitch the step at which the momentum changes
 */
record GradientDescent(int iterations, double learningRate, double exaggeration, int exaggerationIterations,
        double initialMomentum, double finalMomentum, int momentumSwitch) {
    private static final double MIN_GAIN = 0.01;

    /** Moves the points {@code y} (row-major, {@code dims} coordinates each) downhill on {@code objective}. */
    void minimise(Objective objective, double[] y, int dims, String task, Progress progress) {
        double[] gradient = new double[y.length];
        double[] update = new double[y.length];
        double[] gains = new double[y.length];
        Arrays.fill(gains, 1);
        for (int step = 0; step < iterations; step++) {
            objective.gradient(y, step < exaggerationIterations ? exaggeration : 1, gradient);
            double momentum = step < momentumSwitch ? initialMomentum : finalMomentum;
            for (int e = 0; e < y.length; e++) {
                boolean stillDownhill = Math.signum(gradient[e]) != Math.signum(update[e]);
                gains[e] = Math.max(MIN_GAIN, stillDownhill ? gains[e] + 0.2 : gains[e] * 0.8);
                update[e] = momentum * update[e] - learningRate * gains[e] * gradient[e];
                y[e] += update[e];
            }
            centre(y, dims);
            if (!Double.isFinite(y[0])) {
                throw new InvalidInputException("the optimisation diverged at step " + (step + 1)
                        + ": lower the learning rate (was " + learningRate + ")");
            }
            progress.update(task, step + 1, iterations);
        }
    }

    private static void centre(double[] y, int dims) {
        int n = y.length / dims;
        for (int k = 0; k < dims; k++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += y[i * dims + k];
            }
            mean /= n;
            for (int i = 0; i < n; i++) {
                y[i * dims + k] -= mean;
            }
        }
    }
}
