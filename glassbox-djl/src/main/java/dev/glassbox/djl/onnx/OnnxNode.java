package dev.glassbox.djl.onnx;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import dev.glassbox.djl.graph.AffineNode;
import dev.glassbox.djl.graph.GraphNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An imported ONNX node: its kernel, its constant inputs bound in place, and the names of the computed tensors it
 * reads. {@link #inputs()} lists only the computed ones.
 */
public final class OnnxNode implements GraphNode {
    private final String name;
    private final String operator;
    private final List<String> inputs;
    private final List<String> outputs;
    private final NDArray[] constants;
    private final int[] slotOfInput;
    private final Kernel kernel;

    /**
     * @param constants one entry per ONNX input slot: the constant bound there, or {@code null} for a computed or
     *     absent input
     * @param computed one entry per slot: the computed tensor's name, or {@code null}
     */
    OnnxNode(String name, String operator, NDArray[] constants, String[] computed, List<String> outputs,
            Kernel kernel) {
        this.name = name;
        this.operator = operator;
        this.constants = constants.clone();
        this.outputs = List.copyOf(outputs);
        this.kernel = kernel;
        List<String> in = new ArrayList<>();
        List<Integer> slots = new ArrayList<>();
        for (int i = 0; i < computed.length; i++) {
            if (computed[i] != null) {
                in.add(computed[i]);
                slots.add(i);
            }
        }
        this.inputs = List.copyOf(in);
        this.slotOfInput = slots.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String operator() {
        return operator;
    }

    @Override
    public List<String> inputs() {
        return inputs;
    }

    @Override
    public List<String> outputs() {
        return outputs;
    }

    @Override
    public NDList forward(NDList values) {
        if (values.size() != slotOfInput.length) {
            throw new IllegalArgumentException("node '" + name + "' takes " + slotOfInput.length + " inputs, got "
                    + values.size());
        }
        NDArray[] slots = constants.clone();
        boolean[] constant = new boolean[slots.length];
        for (int i = 0; i < slots.length; i++) {
            constant[i] = slots[i] != null;
        }
        for (int k = 0; k < slotOfInput.length; k++) {
            slots[slotOfInput[k]] = values.get(k);
        }
        return kernel.apply(new Operands(slots, constant, values.get(0).getManager()));
    }

    /** The constants bound to this node's input slots. */
    List<NDArray> boundConstants() {
        List<NDArray> bound = new ArrayList<>();
        for (NDArray c : constants) {
            if (c != null) {
                bound.add(c);
            }
        }
        return bound;
    }

    @Override
    public Optional<AffineNode> affine() {
        return kernel.affine();
    }

    @Override
    public String toString() {
        return operator + " '" + name + "' " + inputs + " -> " + outputs;
    }
}
