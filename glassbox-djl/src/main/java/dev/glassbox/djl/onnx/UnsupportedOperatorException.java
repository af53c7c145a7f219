package dev.glassbox.djl.onnx;

import dev.glassbox.core.model.ModelLoadException;

/**
 * An ONNX file uses an operator the importer does not know: the graph cannot run on the PyTorch engine, but the file
 * may still run forward through ONNX Runtime. The message names the operator and the node.
 */
public final class UnsupportedOperatorException extends ModelLoadException {
    private static final long serialVersionUID = 1L;

    /** The error for {@code operator} at {@code node}. */
    public UnsupportedOperatorException(String operator, String node) {
        super("unsupported ONNX operator '" + operator + "' at node '" + node + "'");
    }
}
