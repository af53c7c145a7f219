package dev.glassbox.core.explain.grouping;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.model.Shape;

/** Splits one input into feature groups: superpixels of an image, or a grouping that is the same for every input. */
@FunctionalInterface
public interface Segmenter {

    /** The groups of {@code input}, a flattened sample of shape {@code shape}. */
    FeatureGrouping segment(float[] input, Shape shape);

    /** The same grouping for every input, checked against the input's shape. */
    static Segmenter fixed(FeatureGrouping grouping) {
        return new Fixed(grouping);
    }

    /** A segmenter that returns one grouping whatever the input. */
    record Fixed(FeatureGrouping grouping) implements Segmenter {
        @Override
        public FeatureGrouping segment(float[] input, Shape shape) {
            if (!grouping.inputShape().equals(shape)) {
                throw new InvalidInputException("the grouping is for inputs of shape " + grouping.inputShape()
                        + " but the input has shape " + shape);
            }
            return grouping;
        }

        @Override
        public String toString() {
            return grouping.toString();
        }
    }
}
