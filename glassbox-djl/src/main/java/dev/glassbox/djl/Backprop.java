package dev.glassbox.djl;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.glassbox.core.model.Shape;
import java.util.function.UnaryOperator;

/**
 * The one place where gradients are taken: a forward pass recorded under a {@link GradientCollector}, the outputs
 * weighted by a cotangent and summed, and the sum pulled back to the input or to a layer's activation. DJL allows one
 * collector per JVM, so passes are serialised here.
 */
final class Backprop {
    private static final Object ONE_COLLECTOR = new Object();

    private Backprop() {
    }

    /** Rows of d(Σ cotangent ⊙ forward(x))/dx for a batch {@code x} of the given sample shape. */
    static float[][] inputGradient(NDManager parent, Shape inputShape, float[][] batch, float[][] cotangent,
            UnaryOperator<NDArray> forward) {
        synchronized (ONE_COLLECTOR) {
            try (NDManager scope = parent.newSubManager()) {
                NDArray x = Tensors.fromRows(scope, batch, inputShape);
                x.setRequiresGradient(true);
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDArray y = forward.apply(x);
                    NDArray weights = Tensors.fromRows(scope, cotangent, Tensors.sampleShape(y));
                    collector.backward(y.mul(weights).sum());
                }
                return Tensors.toRows(x.getGradient());
            }
        }
    }

    /**
     * The activation {@code a = toLayer(x)} and the rows of d(Σ cotangent ⊙ fromLayer(a))/da.
     */
    static LayerGradient layerGradient(NDManager parent, String layer, Shape inputShape, float[][] batch,
            float[][] cotangent, UnaryOperator<NDArray> toLayer, UnaryOperator<NDArray> fromLayer) {
        synchronized (ONE_COLLECTOR) {
            try (NDManager scope = parent.newSubManager()) {
                NDArray activation = toLayer.apply(Tensors.fromRows(scope, batch, inputShape)).stopGradient();
                activation.setRequiresGradient(true);
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDArray y = fromLayer.apply(activation);
                    NDArray weights = Tensors.fromRows(scope, cotangent, Tensors.sampleShape(y));
                    collector.backward(y.mul(weights).sum());
                }
                return new LayerGradient(layer, Tensors.sampleShape(activation), Tensors.toRows(activation),
                        Tensors.toRows(activation.getGradient()));
            }
        }
    }

    /** The vector–Jacobian product {@code cotangentᵀ · ∂f/∂x} at {@code x}, for one layer of a rule-based pass. */
    static NDArray vectorJacobian(NDArray x, UnaryOperator<NDArray> f, NDArray cotangent) {
        synchronized (ONE_COLLECTOR) {
            NDArray input = x.duplicate();
            input.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                collector.backward(f.apply(input).mul(cotangent).sum());
            }
            return input.getGradient().duplicate();
        }
    }
}
