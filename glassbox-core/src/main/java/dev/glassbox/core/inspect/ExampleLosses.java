package dev.glassbox.core.inspect;

/**
 * A parametric model's loss on each of a fixed set of labelled examples, as a function of its parameters θ (one flat
 * vector): what influence functions, TracIn and leave-one-out retraining differentiate. Implementations compute in
 * closed form ({@link SoftmaxLosses}) or with an engine's autograd (the last layers of a network).
 */
public interface ExampleLosses {

    /** The number of examples. */
    int size();

    /** The number of parameters. */
    int parameterCount();

    /** The loss of every example at {@code theta}. */
    double[] losses(double[] theta);

    /** The gradient ∇_θ L_i(θ) of each listed example's loss, one row per entry of {@code examples}. */
    double[][] gradients(double[] theta, int[] examples);

    /** {@code Σ_i w_i ∇_θ L_i(θ)}. */
    double[] weightedGradient(double[] theta, double[] weights);

    /** {@code Σ_i w_i ∇²_θ L_i(θ) v}: a Hessian–vector product of the weighted loss. */
    double[] weightedHessianTimes(double[] theta, double[] weights, double[] v);

    /**
     * The products with several vectors at once, one row each, equal to {@link #weightedHessianTimes(double[],
     * double[], double[])} of each; implementations may share the work each example takes.
     */
    default double[][] weightedHessianTimes(double[] theta, double[] weights, double[][] vs) {
        double[][] out = new double[vs.length][];
        for (int k = 0; k < vs.length; k++) {
            out[k] = weightedHessianTimes(theta, weights, vs[k]);
        }
        return out;
    }

    /** Every example's index, 0 to {@link #size()} − 1. */
    default int[] all() {
        int[] out = new int[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = i;
        }
        return out;
    }
}
