package dev.glassbox.djl.explain.mask;

/**
 * One descent step on a mask's parameters, which are then clamped to [0, 1]: SGD with momentum and equal dampening
 * (v ← μv + (1 − μ)g, p ← p − ηv; TorchRay's optimiser for extremal perturbations) or Adam (Kingma and Ba 2015;
 * Fong and Vedaldi 2017's optimiser). Each instance keeps the state of one set of parameters.
 */
final class GradientStep {
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final double learningRate;
    private final double momentum;
    private final boolean adam;
    private final double[] first;
    private final double[] second;
    private int steps;

    private GradientStep(int size, double learningRate, double momentum, boolean adam) {
        this.learningRate = learningRate;
        this.momentum = momentum;
        this.adam = adam;
        this.first = new double[size];
        this.second = adam ? new double[size] : new double[0];
    }

    /** SGD with momentum {@code momentum} and dampening {@code momentum}. */
    static GradientStep momentum(int size, double learningRate, double momentum) {
        return new GradientStep(size, learningRate, momentum, false);
    }

    /** Adam with β₁ = 0.9, β₂ = 0.999, ε = 1e-8. */
    static GradientStep adam(int size, double learningRate) {
        return new GradientStep(size, learningRate, 0.9, true);
    }

    /** Moves {@code params} against {@code gradient} and clamps them to [0, 1]. */
    void apply(double[] params, double[] gradient) {
        steps++;
        for (int i = 0; i < params.length; i++) {
            first[i] = momentum * first[i] + (1 - momentum) * gradient[i];
            double step;
            if (adam) {
                second[i] = BETA2 * second[i] + (1 - BETA2) * gradient[i] * gradient[i];
                double m = first[i] / (1 - Math.pow(momentum, steps));
                double v = second[i] / (1 - Math.pow(BETA2, steps));
                step = m / (Math.sqrt(v) + EPSILON);
            } else {
                step = first[i];
            }
            params[i] = Math.min(1, Math.max(0, params[i] - learningRate * step));
        }
    }
}
