package dev.glassbox.core.explain;

/**
 * The diagnostics an {@link Attribution} may carry, each with its meaning and sign convention. They are stored under
 * their {@link #key()} in {@link Attribution#diagnostics()} (written to JSON in that form); read them with
 * {@link Attribution#diagnostic(Diagnostic)}. Methods may add keys of their own beyond these.
 */
public enum Diagnostic {
    /**
     * Completeness error of path and rule methods (Integrated Gradients, DeepLIFT): Σ attributions − (f(x) − f(x′)),
     * the sign convention of Captum's {@code convergence_delta}; 0 for an exact method.
     */
    COMPLETENESS_DELTA("completenessDelta"),
    /** f(x): the explained output's score at the input (a logit, or a probability where the method reads those). */
    SCORE("score"),
    /** f(x′): the explained output's score at the baseline. */
    BASELINE_SCORE("baselineScore"),
    /** E[f]: the score with every feature absent (Shapley methods' base value; the waterfall's start). */
    EXPECTED_VALUE("expectedValue"),
    /** f(x) as a perturbation method's game reads it: the score with every feature present. */
    MODEL_PREDICTION("modelPrediction"),
    /** |Σ φ − (f(x) − E[f])|: how far Shapley estimates are from the efficiency axiom; 0 when exact. */
    ADDITIVITY_ERROR("additivityError"),
    /** R² of a local surrogate (LIME, Kernel SHAP) on its weighted samples. */
    R2("r2"),
    /** Σ relevance at the input for LRP (compare with {@link #SCORE}: the rest was absorbed by ε or biases). */
    RELEVANCE_SUM("relevanceSum"),
    /** How many rows the model evaluated for this attribution. */
    MODEL_EVALUATIONS("modelEvaluations");

    private final String key;

    Diagnostic(String key) {
        this.key = key;
    }

    /** The name this diagnostic is stored and written under. */
    public String key() {
        return key;
    }
}
