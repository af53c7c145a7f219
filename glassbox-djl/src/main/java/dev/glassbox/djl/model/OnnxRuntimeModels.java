package dev.glassbox.djl.model;

import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.ModelOptions;
import dev.glassbox.onnx.OnnxModel;
import java.nio.file.Path;

/**
 * The only place glassbox-djl touches glassbox-onnx's types; call it only when {@link OnnxRuntimeSupport#PRESENT}.
 * Its methods take and return plain {@link Model}s, so that classes calling them load without ONNX Runtime.
 */
final class OnnxRuntimeModels {
    private OnnxRuntimeModels() {
    }

    /** An ONNX file run forward by ONNX Runtime; {@code importFailure} says why it has no graph, or is null. */
    static Model load(Path file, ModelOptions options, String importFailure) {
        return OnnxModel.load(file, options, importFailure);
    }

    /** Why a forward-only ONNX model could not be imported with gradients, or {@code null}. */
    static String importFailure(Model model) {
        return model instanceof OnnxModel onnx ? onnx.importFailure() : null;
    }
}
