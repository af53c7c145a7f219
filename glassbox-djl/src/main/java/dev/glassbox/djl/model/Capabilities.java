package dev.glassbox.djl.model;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.model.Model;
import dev.glassbox.djl.DifferentiableModel;
import dev.glassbox.djl.LayeredModel;

/**
 * What a loaded model can do, asked without casts: {@link #differentiable} for methods that need input gradients,
 * {@link #layered} for methods that read a named layer. Each returns the model as the contract the method needs, or
 * throws {@link InvalidInputException} saying what the model lacks and which kinds of model have it — never a
 * {@code ClassCastException}, and never a layered model with no layers.
 */
public final class Capabilities {
    private Capabilities() {
    }

    /**
     * The model as a {@link DifferentiableModel}.
     *
     * @param model a loaded model
     * @param purpose what needs the gradients, for the message (a method's name, "attacks")
     * @throws InvalidInputException when the model runs forward only (an ONNX file with an operator glassbox cannot
     *     import runs on ONNX Runtime; any other Java function model has no gradients)
     */
    public static DifferentiableModel differentiable(Model model, String purpose) {
        if (model instanceof DifferentiableModel differentiable) {
            return differentiable;
        }
        String why = importFailure(model);
        throw new InvalidInputException(purpose + " needs gradients, but " + model + " runs forward only" + why
                + "; load a TorchScript, ONNX or glassbox model, or use a perturbation method");
    }

    /**
     * The model as a {@link LayeredModel} with at least one named layer.
     *
     * @param model a loaded model
     * @param purpose what needs the layer, for the message
     * @throws InvalidInputException when no layer of the model can be reached (a TorchScript file not split at a
     *     layer, a model that runs forward only)
     */
    public static LayeredModel layered(Model model, String purpose) {
        if (model instanceof LayeredModel layered && !layered.layerNames().isEmpty()) {
            return layered;
        }
        String why = importFailure(model);
        throw new InvalidInputException(purpose + " needs a layer's activations, but " + model + " has no layer "
                + "glassbox can reach" + why + ": load an ONNX model, a glassbox (DJL) model, or a TorchScript model "
                + "split at a layer (features(x) and head(a))");
    }

    private static String importFailure(Model model) {
        String failure = OnnxRuntimeSupport.PRESENT ? OnnxRuntimeModels.importFailure(model) : null;
        return failure == null ? "" : " (" + failure + ")";
    }
}
