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
        java.util.List<String> names = new java.util.ArrayList<>(outputSize());
        for (int i = 0; i < outputSize(); i++) {
            names.add("class " + i);
        }
        return names;
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
