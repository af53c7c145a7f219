package dev.glassbox.cli;

import dev.glassbox.core.input.Sample;
import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.Shape;
import java.util.List;

/**
 * Loads a model together with its inputs in the order that gives the clearest errors: when the model file records
 * its input shape, the model first and every input checked against it; otherwise the inputs first, their shape
 * telling the model what to expect.
 */
final class ModelLoading {
    private ModelLoading() {
    }

    /** Loads the model and fills {@code samples} with the inputs, each checked against the model's input shape. */
    static Model loadWithInputs(ModelArguments modelArguments, InputArguments inputArguments, List<Sample> samples) {
        Shape hint = modelArguments.knowsItsShape() ? null : inputArguments.readFirst().shape();
        Model model = modelArguments.load(hint);
        try {
            samples.addAll(inputArguments.read(model.inputShape()));
            return model;
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }
}
