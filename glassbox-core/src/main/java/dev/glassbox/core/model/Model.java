package dev.glassbox.core.model;

/**
 * A trained model seen as a batched function: flattened samples in, one row of scores (class logits or regression
 * outputs) out per sample. Black-box explainers and metrics see models only through this contract, so any Java model
 * (Tribuo, Smile, XGBoost4J, a lambda) can be explained without a native engine.
 *
 * <p>Implementations that hold native memory release it in {@link #close()}.
 */
public interface Model extends AutoCloseable {

    /** The shape of one sample, without the batch dimension. */
    Shape inputShape();

    /** How many scores the model returns per sample. */
    int outputSize();

    /**
     * Scores for a batch. Each row of {@code batch} is one sample flattened in row-major order and must hold
     * {@code inputShape().size()} finite values; the result has one row of {@code outputSize()} scores per sample.
     */
    float[][] predict(float[][] batch);

    /** Human-readable class names when the model knows them, else {@code class 0 ... class n-1}. */
    default java.util.List<String> outputNames() {
        return namesOrDefault(null, outputSize());
    }

    /**
     * {@code names} checked against the number of outputs, or {@code class 0 ... class n-1} when {@code names} is
     * {@code null}: what every implementation returns from {@link #outputNames()}.
     */
    static java.util.List<String> namesOrDefault(java.util.List<String> names, int outputs) {
        if (names != null) {
            if (names.size() != outputs) {
                throw new dev.glassbox.core.InvalidInputException(names.size() + " class names given but the model has "
                        + outputs + " outputs");
            }
            return java.util.List.copyOf(names);
        }
        java.util.List<String> defaults = new java.util.ArrayList<>(outputs);
        for (int i = 0; i < outputs; i++) {
            defaults.add("class " + i);
        }
        return java.util.List.copyOf(defaults);
    }

    /**
     * Names of the input's features for tabular models (one per element of a rank-1 input), given once on the model
     * and used by every explainer and chart; empty when the model has none (images, arrays).
     */
    default java.util.List<String> featureNames() {
        return java.util.List.of();
    }

    /** Whether the scores are raw logits, so that a softmax turns them into probabilities. */
    default boolean outputsLogits() {
        return true;
    }

    @Override
    default void close() {
        // nothing to release by default
    }
}
