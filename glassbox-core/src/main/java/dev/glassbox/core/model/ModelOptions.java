package dev.glassbox.core.model;

import java.util.List;

/**
 * What a model file may not say about itself: the shape of one input sample, class names, and how many samples go
 * through the engine at once (the memory bound of every pass).
 *
 * @param inputShape the sample shape, or {@code null} to take it from the model when the format records it
 * @param classNames names of the outputs, or {@code null}
 * @param batchSize at most this many samples per engine call
 */
public record ModelOptions(Shape inputShape, List<String> classNames, int batchSize) {

    /** The default number of samples per engine call. */
    public static final int DEFAULT_BATCH = 64;

    public ModelOptions {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, was " + batchSize);
        }
        classNames = classNames == null ? null : List.copyOf(classNames);
    }

    /** Options with only an input shape. */
    public static ModelOptions withShape(Shape inputShape) {
        return new ModelOptions(inputShape, null, DEFAULT_BATCH);
    }

    /** The same options with another input shape. */
    public ModelOptions inputShape(Shape shape) {
        return new ModelOptions(shape, classNames, batchSize);
    }

    /** The same options with class names. */
    public ModelOptions classNames(List<String> names) {
        return new ModelOptions(inputShape, names, batchSize);
    }
}
