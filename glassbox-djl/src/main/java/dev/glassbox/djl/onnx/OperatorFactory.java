package dev.glassbox.djl.onnx;

/** Makes the kernel of one ONNX operator from a node; checks the node's attributes and fails with the node's name. */
@FunctionalInterface
public interface OperatorFactory {

    /** The kernel for {@code node}. */
    Kernel create(NodeSpec node);
}
