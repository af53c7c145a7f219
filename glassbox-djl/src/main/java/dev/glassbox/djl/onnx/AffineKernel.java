package dev.glassbox.djl.onnx;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import dev.glassbox.djl.graph.AffineNode;
import java.util.Optional;

/**
 * A kernel affine in its first input with constant weight and bias: the forward pass is {@link #apply(NDArray,
 * NDArray, NDArray)} with the node's own weights, and the affine view hands the same operation out for other weights.
 */
final class AffineKernel implements Kernel, AffineNode {

    /** The operation {@code y = op(x; weight) + bias}; {@code bias} may be {@code null}. */
    @FunctionalInterface
    interface Operation {
        NDArray apply(NDArray x, NDArray weight, NDArray bias);
    }

    private final NDArray weight;
    private final NDArray bias;
    private final Operation operation;

    /**
     * The kernel of a node computing {@code operation(input 0, input 1, input 2)}: affine when its weight (input 1) and
     * bias (input 2, if given) are constants, otherwise one that reads them per call.
     */
    static Kernel of(NodeSpec node, Operation operation) {
        NDArray w = node.constant(1);
        if (w != null && (!node.hasInput(2) || node.constant(2) != null)) {
            return new AffineKernel(w, node.constant(2), operation);
        }
        return in -> Axes.one(operation.apply(in.get(0), in.get(1), in.orNull(2)));
    }

    AffineKernel(NDArray weight, NDArray bias, Operation operation) {
        this.weight = weight;
        this.bias = bias;
        this.operation = operation;
    }

    @Override
    public NDList apply(Operands in) {
        return Axes.one(apply(in.get(0), weight, bias));
    }

    private static NDArray view(NDArray constant, NDArray x) {
        if (constant.getManager() == x.getManager()) {
            return constant;
        }
        NDArray view = constant.reshape(constant.getShape());
        view.attach(x.getManager());
        return view;
    }

    @Override
    public Optional<AffineNode> affine() {
        return Optional.of(this);
    }

    @Override
    public NDArray weight() {
        return weight;
    }

    @Override
    public NDArray bias() {
        return bias;
    }

    /** The operation with other weights; weights held by another manager are viewed from {@code x}'s manager. */
    @Override
    public NDArray apply(NDArray x, NDArray weight, NDArray bias) {
        return operation.apply(x, view(weight, x), bias == null ? null : view(bias, x));
    }
}
