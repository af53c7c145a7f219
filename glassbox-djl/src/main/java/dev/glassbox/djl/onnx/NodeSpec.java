package dev.glassbox.djl.onnx;

import ai.djl.ndarray.NDArray;
import ai.onnx.proto.OnnxMl;
import dev.glassbox.core.model.ModelLoadException;
import java.util.List;

/**
 * One ONNX node as operator factories see it at load time: its attributes, the default-domain opset, and which of its
 * inputs are constants (initializers or folded) with their values.
 */
public final class NodeSpec {
    private final OnnxMl.NodeProto proto;
    private final String name;
    private final int opset;
    private final Attributes attributes;
    private final List<NDArray> constants;

    NodeSpec(OnnxMl.NodeProto proto, String name, int opset, List<NDArray> constants) {
        this.proto = proto;
        this.name = name;
        this.opset = opset;
        this.attributes = new Attributes(proto);
        this.constants = constants;
    }

    /** The node's unique name in the graph. */
    public String name() {
        return name;
    }

    /** The ONNX operator type. */
    public String opType() {
        return proto.getOpType();
    }

    /** The opset of the default domain. */
    public int opset() {
        return opset;
    }

    /** The node's attributes. */
    public Attributes attributes() {
        return attributes;
    }

    /** How many input slots the node has (absent optional ones included). */
    public int inputCount() {
        return proto.getInputCount();
    }

    /** How many outputs the node writes. */
    public int outputCount() {
        return proto.getOutputCount();
    }

    /** Whether input {@code i} is given (not left out, not an empty name). */
    public boolean hasInput(int i) {
        return i < proto.getInputCount() && !proto.getInput(i).isEmpty();
    }

    /** The value of input {@code i} when it is a constant, else {@code null}. */
    public NDArray constant(int i) {
        return hasInput(i) ? constants.get(i) : null;
    }

    /** A load error naming this node. */
    public ModelLoadException error(String message) {
        return new ModelLoadException(message + " at node '" + name + "' (" + proto.getOpType() + ")");
    }
}
