package dev.glassbox.djl.interpretable;

import dev.glassbox.core.InvalidInputException;

/**
 * A readable model fitted to mimic another model's predicted classes (a global surrogate). Its fidelity is the share
 * of inputs on which it predicts the class the model predicts; measured on inputs it was not fitted on, it says how
 * far its readable rules describe the model.
 */
public interface GlobalSurrogate {

    /** The class the surrogate predicts for one input (or feature vector). */
    int predict(float[] input);

    /** The share of {@code inputs} on which the surrogate predicts {@code modelClasses[i]}. */
    default double fidelity(float[][] inputs, int[] modelClasses) {
        if (inputs.length == 0 || inputs.length != modelClasses.length) {
            throw new InvalidInputException("fidelity needs at least one input and the model's class for each, got "
                    + inputs.length + " inputs and " + modelClasses.length + " classes");
        }
        int agree = 0;
        for (int i = 0; i < inputs.length; i++) {
            agree += predict(inputs[i]) == modelClasses[i] ? 1 : 0;
        }
        return agree / (double) inputs.length;
    }

    /** How large the readable model is: leaves of a tree, non-zero weights of a linear model. */
    int size();
}
