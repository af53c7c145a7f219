package dev.glassbox.djl.uncertainty;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import dev.glassbox.core.InvalidInputException;

/**
 * A Bayesian 2-D convolution with square kernels, stride 1 and "same" zero padding on
 * {@code batch × channels × height × width} inputs, sampled by the local reparameterisation trick as
 * {@link BayesianLayer} describes: each output's mean is {@code conv(x, μ) + μ_b}, its variance
 * {@code conv(x², σ²) + σ_b²}. The draws have the exact marginal of every output; outputs at different positions,
 * which share weights, are drawn independently.
 */
public final class BayesConv2d extends BayesianLayer {
    private final long filters;
    private final int kernel;

    /** {@code filters} kernels of {@code kernel × kernel} (odd), prior {@code N(0, priorSigma²)}. */
    public BayesConv2d(long filters, int kernel, float priorSigma) {
        super(priorSigma);
        if (filters <= 0 || kernel <= 0 || kernel % 2 == 0) {
            throw new InvalidInputException("a Bayesian convolution needs at least one filter and an odd kernel size, "
                    + "got " + filters + " filters of " + kernel + "×" + kernel);
        }
        this.filters = filters;
        this.kernel = kernel;
    }

    @Override
    protected NDArray linearMap(NDArray x, NDArray weight, NDArray bias) {
        return Conv2d.conv2d(x, weight, bias, new Shape(1, 1), new Shape(kernel / 2, kernel / 2), new Shape(1, 1))
                .singletonOrThrow();
    }

    @Override
    protected Shape weightShape(Shape inputShape) {
        if (inputShape.dimension() != 4) {
            throw new InvalidInputException("a Bayesian convolution takes batch × channels × height × width inputs, "
                    + "got shape " + inputShape);
        }
        return new Shape(filters, inputShape.get(1), kernel, kernel);
    }

    @Override
    protected long outputs() {
        return filters;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), filters, in.get(2), in.get(3))};
    }
}
