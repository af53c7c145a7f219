package dev.glassbox.djl.backprop;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import dev.glassbox.core.model.Shape;
import dev.glassbox.djl.Cotangents;
import dev.glassbox.djl.Gradients;
import dev.glassbox.djl.LayerGradient;
import dev.glassbox.djl.OutputWeighting;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The one place where gradients are taken: a forward pass recorded under a {@link GradientCollector}, the outputs
 * weighted (the weights chosen from the scores of that same pass) and summed, and the sum pulled back to the input or
 * to a layer's activation. DJL allows one collector per JVM, so passes are serialised here.
 */
public final class Backprop {
    private static final Object ONE_COLLECTOR = new Object();

    private Backprop() {
    }

    /**
     * Checks once per JVM that the engine's batched convolutions are right on this CPU, forward and backward, and
     * throws {@link IllegalStateException} naming the fix when they are not; every model on the engine calls it.
     */
    public static void requireCorrectConvolutions() {
        synchronized (ONE_COLLECTOR) {
            ConvolutionCheck.requireCorrectKernels();
        }
    }

    /** Scores and rows of d(Σ w ⊙ forward(x))/dx for a batch whose first row is row {@code offset} of the caller's. */
    public static Gradients inputGradient(NDManager parent, Shape inputShape, float[][] batch, int offset,
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
    public static LayerGradient layerGradient(NDManager parent, String layer, Shape inputShape, float[][] batch, int offset,
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

    /**
     * Runs {@code pass} with the collector open, for engines that record a forward pass and then call
     * {@link GradientCollector#backward} once per segment of it.
     */
    public static <T> T collecting(Function<GradientCollector, T> pass) {
        synchronized (ONE_COLLECTOR) {
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                return pass.apply(collector);
            }
        }
    }

    /**
     * Accumulates {@code cotangentᵀ · ∂output/∂leaf} into the gradient of every leaf that {@code output} was computed
     * from under the open collector: on PyTorch by handing the cotangent to autograd directly, elsewhere through the
     * gradient of {@code Σ output ⊙ cotangent}. The graph is kept: the segments of a rule-based pass over a graph with
     * branches share parts of it.
     */
    public static void backward(GradientCollector collector, NDArray output, NDArray cotangent) {
        if (output instanceof PtNDArray torchOutput && cotangent instanceof PtNDArray torchCotangent) {
            JniUtils.backward(torchOutput, torchCotangent, true, false);
        } else {
            collector.backward(output.mul(cotangent).sum());
        }
    }

    /** The output weightings of a batch whose first row is row {@code offset} of the caller's, as an array like y. */
    public static NDArray weightsOf(NDManager scope, float[][] scores, int offset, OutputWeighting weighting, NDArray y) {
        float[][] weights = new float[scores.length][];
        for (int i = 0; i < scores.length; i++) {
            weights[i] = weighting.weights(offset + i, scores[i]);
        }
        Cotangents.requireShape(weights, scores.length, scores.length == 0 ? 0 : scores[0].length);
        return Tensors.fromRows(scope, weights, Tensors.sampleShape(y));
    }
}
