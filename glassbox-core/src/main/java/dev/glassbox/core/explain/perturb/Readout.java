package dev.glassbox.core.explain.perturb;

import dev.glassbox.core.math.Vectors;

/**
 * The number an explainer explains from one row of model scores: the score of output {@code index}, or its softmax
 * probability when {@code probability} is set.
 */
public record Readout(int index, boolean probability) {

    /** Reads one row of scores. */
    public double read(float[] scores) {
        double value = probability ? Vectors.softmax(scores)[index] : scores[index];
        if (!Double.isFinite(value)) {
            throw new IllegalStateException("the model returned " + value + " for output " + index
                    + " of a perturbed input: explanations need finite outputs");
        }
        return value;
    }

    /** {@code probability} or {@code score}, as recorded in an attribution's parameters. */
    public String kind() {
        return probability ? "probability" : "score";
    }
}
