package dev.glassbox.core.inspect;

/**
 * Example losses whose per-example Hessian has a closed-form low-rank factor: {@code ∇²L_i(θ) = Σ_k v_k v_kᵀ} over a
 * few vectors {@code v_k} (as many as the model has outputs, for a loss of a linear model's outputs). What
 * {@link NewtonStepInfluence} needs to take each example's own curvature out of the Hessian.
 */
public interface FactoredExampleLosses extends ExampleLosses {

    /** The vectors {@code v_k}, one row each, with {@code ∇²_θ L_example(θ) = Σ_k v_k v_kᵀ}. */
    double[][] hessianFactor(double[] theta, int example);
}
