package dev.glassbox.core.explain.catalogue;

/** What a method needs beyond a model's forward pass. */
public enum Requirement {
    /** Gradients of the model's outputs with respect to its input (glassbox-djl models). */
    GRADIENTS,
    /** A named layer's activations and their gradients (split TorchScript, DJL and imported ONNX models). */
    LAYER,
    /** Rows of training data ({@link MethodSettings#background()}). */
    BACKGROUND
}
