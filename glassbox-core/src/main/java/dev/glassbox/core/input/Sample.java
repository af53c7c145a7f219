package dev.glassbox.core.input;

import dev.glassbox.core.model.Shape;

/**
 * One input sample read from a file: a display name (usually the file name, or {@code file#row}), its shape without a
 * batch dimension, and its values flattened in row-major order.
 */
public record Sample(String name, Shape shape, float[] values) {
    public Sample {
        if (values.length != shape.size()) {
            throw new IllegalArgumentException("sample " + name + " has " + values.length + " values for shape " + shape);
        }
    }
}
