package dev.glassbox.djl;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.glassbox.core.model.Shape;
import java.util.function.UnaryOperator;

/**
 * The one place where gradients are taken: a forward pass recorded under a {@link GradientCollector}, the outputs
 * weighted (the weights chosen from the scores of that same pass) and summed, and the sum pulled back to the input or
 * to a layer's activation. DJL allows one collector per JVM, so passes are serialised here.
 */
final class Backprop {
    private static final Object ONE_COLLECTOR = new Object();

    private Backprop() {
    }

    /** Scores and rows of d(Σ w ⊙ forward(x))/dx for a batch whose first row is row {@code offset} of the caller's. */
    static Gradients inputGradient(NDManager parent, Shape inputShape, float[][] batch, int offset,
            OutputWeighting weighting, UnaryOperator<NDArray> forward) {
        synchronized (ONE_COLLECTOR) {
            try (NDManager scope = parent.newSubManager()) {
                NDArray x = Tensors.fromRows(scope, batch, inputShape);
                x.setRequiresGradient(true);
                float[][] scores;
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDArray y = forward.apply(x);
                    scores = Tensors.toRows(y);
                    collector.backward(y.mul(weightsOf(scope, scores, offset, weighting, y)).sum());
                }
                return new Gradients(scores, Tensors.toRows(x.getGradient()));
            }
        }
    }

    /** The activation {@code a = toLayer(x)}, the scores, and the rows of d(Σ w ⊙ fromLayer(a))/da. */
    static LayerGradient layerGradient(NDManager parent, String layer, Shape inputShape, float[][] batch, int offset,
            OutputWeighting weighting, UnaryOperator<NDArray> toLayer, UnaryOperator<NDArray> fromLayer) {
        synchronized (ONE_COLLECTOR) {
            try (NDManager scope = parent.newSubManager()) {
                NDArray activation = toLayer.apply(Tensors.fromRows(scope, batch, inputShape)).stopGradient();
                activation.setRequiresGradient(true);
                float[][] scores;
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDArray y = fromLayer.apply(activation);
                    scores = Tensors.toRows(y);
                    collector.backward(y.mul(weightsOf(scope, scores, offset, weighting, y)).sum());
                }
                return new LayerGradient(layer, Tensors.sampleShape(activation), Tensors.toRows(activation),
                        Tensors.toRows(activation.getGradient()), scores);
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

    private static NDArray weightsOf(NDManager scope, float[][] scores, int offset, OutputWeighting weighting, NDArray y) {
        float[][] weights = new float[scores.length][];
        for (int i = 0; i < scores.length; i++) {
            weights[i] = weighting.weights(offset + i, scores[i]);
        }
        Cotangents.requireShape(weights, scores.length, scores.length == 0 ? 0 : scores[0].length);
        return Tensors.fromRows(scope, weights, Tensors.sampleShape(y));
    }
}
