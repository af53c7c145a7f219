package dev.glassbox.cli.command;

import dev.glassbox.cli.option.InputArguments;
import dev.glassbox.cli.option.ModelArguments;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.input.Sample;
import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.ModelLoadException;
import dev.glassbox.core.model.Shape;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Loads a model together with its inputs in the order that gives the clearest errors: when the model file records
 * its input shape, the model first and every input checked against it; otherwise the inputs first, their shape
 * telling the model what to expect. Learning the shape that way runs the model once on the first input, so that input
 * may hold at most {@link #MAX_TRIAL_VALUES} values (an RGB image of 1024 × 1024): a larger one is refused with a
 * line that asks for {@code --input-shape}. A NumPy array is first tried as one sample and, when the model refuses
 * that shape, as a batch whose first axis counts the samples when it has four or more axes (an {@code N×C×H×W}
 * array saved from PyTorch).
 */
public final class ModelLoading {
    /**
     * The most values the first input may hold when its shape tells a shapeless model (TorchScript without {@code
     * --input-shape}) what to expect: 3 × 1024 × 1024. The trial forward pass costs memory in proportion (a 5,000 ×
     * 5,000 image took 3.7 GB).
     */
    public static final long MAX_TRIAL_VALUES = 3L * 1024 * 1024;

    private ModelLoading() {
    }

    /** Loads the model and fills {@code samples} with the inputs, each checked against the model's input shape. */
    public static Model loadWithInputs(ModelArguments modelArguments, InputArguments inputArguments, List<Sample> samples) {
        Shape hint = modelArguments.knowsItsShape() ? null : inputArguments.readFirst().shape();
        if (hint != null && hint.size() > MAX_TRIAL_VALUES) {
            throw new InvalidInputException(String.format(Locale.ROOT, "input %s has shape %s (%,d values): without "
                    + "--input-shape glassbox learns the model's shape by running it once on the first input, which "
                    + "takes at most %,d values; pass --input-shape C,H,W (the shape the model takes)",
                    inputArguments.inputs.get(0).getFileName(), hint, hint.size(), MAX_TRIAL_VALUES));
        }
        Model model = load(modelArguments, hint, inputArguments.inputs.get(0));
        try {
            samples.addAll(inputArguments.read(model.inputShape()));
            return model;
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** The model loaded for samples of shape {@code hint}, or of its trailing axes when {@code first} is a NumPy batch. */
    private static Model load(ModelArguments modelArguments, Shape hint, Path first) {
        try {
            return modelArguments.load(hint);
        } catch (ModelLoadException whole) {
            if (hint == null || hint.rank() < 4 || !first.getFileName().toString().toLowerCase(Locale.ROOT)
                    .endsWith(".npy")) {
                throw whole;
            }
            try {
                return modelArguments.load(Shape.of(Arrays.copyOfRange(hint.dims(), 1, hint.rank())));
            } catch (ModelLoadException batch) {
                whole.addSuppressed(batch);
                throw whole;
            }
        }
    }
}
