package dev.glassbox.core.model;

import dev.glassbox.core.InvalidInputException;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Any Java function over batches as a {@link Model}: wrap a Tribuo, Smile or XGBoost4J predictor, or a lambda, and
 * every black-box method applies to it without a native engine. The function's output is checked for shape and
 * finiteness on every call.
 */
public final class FunctionModel implements Model {
    private final Shape inputShape;
    private final int outputSize;
    private final UnaryOperator<float[][]> function;
    private final List<String> outputNames;
    private final List<String> featureNames;
    private final boolean logits;

    private FunctionModel(Shape inputShape, int outputSize, UnaryOperator<float[][]> function,
            List<String> outputNames, List<String> featureNames, boolean logits) {
        if (outputSize <= 0) {
            throw new InvalidInputException("a model needs at least one output, was " + outputSize);
        }
        this.inputShape = inputShape;
        this.outputSize = outputSize;
        this.function = function;
        this.outputNames = Model.namesOrDefault(outputNames, outputSize);
        if (!featureNames.isEmpty() && (inputShape.rank() != 1 || featureNames.size() != inputShape.size())) {
            throw new InvalidInputException(featureNames.size() + " feature names given for inputs of shape "
                    + inputShape + ": give one name per element of a rank-1 input");
        }
        this.featureNames = List.copyOf(featureNames);
        this.logits = logits;
    }

    /** A model whose function returns logits (scores to be turned into probabilities by a softmax). */
    public static FunctionModel ofLogits(Shape inputShape, int outputSize, UnaryOperator<float[][]> function) {
        return new FunctionModel(inputShape, outputSize, function, null, List.of(), true);
    }

    /** A model whose function already returns probabilities or regression outputs. */
    public static FunctionModel ofScores(Shape inputShape, int outputSize, UnaryOperator<float[][]> function) {
        return new FunctionModel(inputShape, outputSize, function, null, List.of(), false);
    }

    /** The same model with class names. */
    public FunctionModel withOutputNames(List<String> names) {
        return new FunctionModel(inputShape, outputSize, function, Objects.requireNonNull(names, "names"),
                featureNames, logits);
    }

    /** The same model with names for its input's features (tabular models: one per element). */
    public FunctionModel withFeatureNames(List<String> names) {
        return new FunctionModel(inputShape, outputSize, function, outputNames,
                Objects.requireNonNull(names, "names"), logits);
    }

    @Override
    public Shape inputShape() {
        return inputShape;
    }

    @Override
    public int outputSize() {
        return outputSize;
    }

    @Override
    public boolean outputsLogits() {
        return logits;
    }

    @Override
    public List<String> outputNames() {
        return outputNames;
    }

    @Override
    public List<String> featureNames() {
        return featureNames;
    }

    @Override
    public float[][] predict(float[][] batch) {
        Batches.requireValid(batch, inputShape);
        float[][] out = function.apply(batch);
        if (out == null || out.length != batch.length) {
            throw new IllegalStateException("the model function returned " + (out == null ? "null" : out.length + " rows")
                    + " for a batch of " + batch.length);
        }
        for (int i = 0; i < out.length; i++) {
            if (out[i] == null || out[i].length != outputSize) {
                throw new IllegalStateException("the model function returned a row of "
                        + (out[i] == null ? 0 : out[i].length) + " scores, expected " + outputSize);
            }
        }
        return out;
    }
}
