package dev.glassbox.djl.onnx;

import ai.djl.ndarray.NDList;
import dev.glassbox.djl.graph.AffineNode;
import java.util.Optional;

/** The computation of one ONNX node, bound to its attributes: outputs from the node's operands. */
@FunctionalInterface
public interface Kernel {

    /** The node's outputs, in ONNX output order, computed with NDArray operations that keep autograd. */
    NDList apply(Operands in);

    /** The affine view of the node when its weights are constants. */
    default Optional<AffineNode> affine() {
        return Optional.empty();
    }
}
