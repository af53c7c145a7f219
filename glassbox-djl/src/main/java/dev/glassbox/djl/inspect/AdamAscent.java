package dev.glassbox.djl.inspect;

/** Adam (Kingma and Ba 2015) taking steps up a gradient, with its moment estimates for one parameter vector. */
final class AdamAscent {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final double rate;
    private final double[] first;
    private final double[] second;
    private int steps;

    AdamAscent(int size, double rate) {
        this.rate = rate;
        this.first = new double[size];
        this.second = new double[size];
    }

    /** Moves {@code parameters} one step along {@code gradient} (ascent). */
    void step(float[] parameters, float[] gradient) {
        steps++;
        double correction1 = 1 - Math.pow(BETA1, steps);
        double correction2 = 1 - Math.pow(BETA2, steps);
        for (int i = 0; i < parameters.length; i++) {
            first[i] = BETA1 * first[i] + (1 - BETA1) * gradient[i];
            second[i] = BETA2 * second[i] + (1 - BETA2) * gradient[i] * gradient[i];
            parameters[i] += (float) (rate * (first[i] / correction1) / (Math.sqrt(second[i] / correction2) + EPSILON));
        }
    }
}
