package dev.glassbox.djl.uncertainty;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import dev.glassbox.core.InvalidInputException;

/**
 * A fully connected Bayesian layer on {@code batch × features} inputs: {@code y = x Wᵀ + b} with Gaussian weights,
 * sampled by the local reparameterisation trick as {@link BayesianLayer} describes (pre-activation mean
 * {@code x μᵀ + μ_b}, variance {@code x² (σ²)ᵀ + σ_b²}).
 */
public final class BayesLinear extends BayesianLayer {
    private final long units;

    /** A layer with {@code units} outputs, prior {@code N(0, priorSigma²)}. */
    public BayesLinear(long units, float priorSigma) {
        super(priorSigma);
        if (units <= 0) {
            throw new InvalidInputException("a Bayesian linear layer needs at least one unit, got " + units);
        }
        this.units = units;
    }

    @Override
    protected NDArray linearMap(NDArray x, NDArray weight, NDArray bias) {
        return Linear.linear(x, weight, bias).singletonOrThrow();
    }

    @Override
    protected Shape weightShape(Shape inputShape) {
        if (inputShape.dimension() != 2) {
            throw new InvalidInputException("a Bayesian linear layer takes batch × features inputs, got shape "
                    + inputShape + "; flatten first");
        }
        return new Shape(units, inputShape.get(1));
    }

    @Override
    protected long outputs() {
        return units;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), units)};
    }
}
