package dev.glassbox.djl.onnx;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * The input values of one node for one call: constants and tensors computed from the graph input alike. Constants are
 * handed out as views attached to the call's manager, so that whatever a kernel derives from them belongs to the call
 * and not to the import's long-lived manager.
 */
public final class Operands {
    private final NDArray[] values;
    private final boolean[] constant;
    private final NDManager manager;

    Operands(NDArray[] values, boolean[] constant, NDManager manager) {
        this.values = values;
        this.constant = constant;
        this.manager = manager;
    }

    /** The manager of this call: the one of the first computed operand, or the import's while folding. */
    public NDManager manager() {
        return manager;
    }

    /** How many input slots the node has. */
    public int size() {
        return values.length;
    }

    /** Whether input {@code i} is given. */
    public boolean has(int i) {
        return i < values.length && values[i] != null;
    }

    /** Input {@code i}; an error when absent. */
    public NDArray get(int i) {
        if (!has(i)) {
            throw new IllegalStateException("input " + i + " is missing");
        }
        if (constant[i] && values[i].getManager() != manager) {
            NDArray view = values[i].reshape(values[i].getShape());
            view.attach(manager);
            values[i] = view;
            constant[i] = false;
        }
        return values[i];
    }

    /** Input {@code i}, or {@code null} when absent. */
    public NDArray orNull(int i) {
        return has(i) ? get(i) : null;
    }

    /** Input {@code i}'s values as longs (shapes, axes, indices), or {@code null} when absent. */
    public long[] longs(int i) {
        return has(i) ? OnnxTensors.toLongs(get(i)) : null;
    }

    /** Input {@code i}'s values as floats, or {@code null} when absent. */
    public float[] floats(int i) {
        return has(i) ? OnnxTensors.toFloats(get(i)) : null;
    }
}
