package dev.glassbox.djl.uncertainty;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.PairList;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.djl.backprop.Scalars;

/**
 * A layer linear in its weights whose weights and biases are independent Gaussians {@code N(μ, σ²)} with
 * {@code σ = softplus(ρ)}, learnt by Bayes by backprop (Blundell et al. 2015) against a Gaussian prior
 * {@code N(0, σ_p²)}.
 *
 * <p>In training mode the layer samples with the local reparameterisation trick (Kingma et al. 2015): instead of
 * weights it draws each pre-activation from its exact Gaussian marginal, with mean {@code f(x; μ)} and variance
 * {@code f(x²; σ²)}, where f is the layer's linear map (a matrix product or a convolution) with the biases' means and
 * variances added. Every row of a batch gets its own draw, so T stacked copies of a sample are T independent draws.
 * In inference mode the layer applies the posterior means, so ordinary predictions and gradients stay deterministic.
 */
public abstract class BayesianLayer extends AbstractBlock {
    private static final byte VERSION = 1;
    /** The initial ρ: softplus(−5) ≈ 0.0067, small next to the initial means. */
    static final float INITIAL_RHO = -5f;

    private final float priorSigma;
    protected final Parameter weightMean;
    protected final Parameter weightRho;
    protected final Parameter biasMean;
    protected final Parameter biasRho;

    /** A layer whose prior is {@code N(0, priorSigma²)}; weight means start Xavier-initialised, biases at 0. */
    protected BayesianLayer(float priorSigma) {
        super(VERSION);
        if (!(priorSigma > 0) || Float.isInfinite(priorSigma)) {
            throw new InvalidInputException("the prior's standard deviation must be positive and finite, was "
                    + priorSigma);
        }
        this.priorSigma = priorSigma;
        weightMean = addParameter(Parameter.builder().setName("weightMean").setType(Parameter.Type.WEIGHT)
                .optInitializer(new XavierInitializer()).build());
        weightRho = addParameter(Parameter.builder().setName("weightRho").setType(Parameter.Type.OTHER)
                .optInitializer(new ConstantInitializer(INITIAL_RHO)).build());
        biasMean = addParameter(Parameter.builder().setName("biasMean").setType(Parameter.Type.BIAS)
                .optInitializer(new ConstantInitializer(0)).build());
        biasRho = addParameter(Parameter.builder().setName("biasRho").setType(Parameter.Type.OTHER)
                .optInitializer(new ConstantInitializer(INITIAL_RHO)).build());
    }

    /** The layer's linear map of {@code x} with the given weights and biases. */
    protected abstract NDArray linearMap(NDArray x, NDArray weight, NDArray bias);

    /** The prior's standard deviation {@code σ_p}. */
    public float priorSigma() {
        return priorSigma;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        var device = x.getDevice();
        NDArray mean = linearMap(x, store.getValue(weightMean, device, training),
                store.getValue(biasMean, device, training));
        if (!training) {
            return new NDList(mean);
        }
        NDManager manager = x.getManager();
        NDArray weightSigma = sigma(in(manager, store.getValue(weightRho, device, training)));
        NDArray biasSigma = sigma(in(manager, store.getValue(biasRho, device, training)));
        NDArray variance = linearMap(x.square(), weightSigma.square(), biasSigma.square());
        NDArray noise = manager.randomNormal(mean.getShape());
        return new NDList(mean.add(variance.sqrt().mul(noise)));
    }

    /**
     * {@code parameter} as an array of {@code manager}, still differentiable: operations on it then keep their results
     * in {@code manager} (a batch's, closed after the step) rather than in the parameters' (kept for the model's life).
     */
    private static NDArray in(NDManager manager, NDArray parameter) {
        return manager.zeros(new Shape(), parameter.getDataType()).add(parameter);
    }

    private static NDArray sigma(NDArray rho) {
        return Activation.softPlus(rho);
    }

    /**
     * {@code KL(q ‖ p)} of the posterior from the prior summed over all weights and biases, in closed form:
     * {@code Σ [log(σ_p/σ) + (σ² + μ²)/(2σ_p²) − ½]}. It reads the parameters themselves, so inside a gradient
     * collector it carries their gradients; the result and every intermediate array belong to {@code manager}.
     */
    public NDArray kl(NDManager manager) {
        return kl(in(manager, weightMean.getArray()), in(manager, weightRho.getArray()))
                .add(kl(in(manager, biasMean.getArray()), in(manager, biasRho.getArray())));
    }

    private NDArray kl(NDArray mean, NDArray rho) {
        NDArray sigma = sigma(rho);
        float logPrior = (float) Math.log(priorSigma);
        return sigma.log().neg().add(logPrior).add(sigma.square().add(mean.square()).div(Scalars.like(sigma, 2 * priorSigma * priorSigma)))
                .sub(0.5f).sum();
    }

    /** The shape of the weights for inputs of {@code inputShape}. */
    protected abstract Shape weightShape(Shape inputShape);

    /** The number of outputs (units or filters), the length of the biases. */
    protected abstract long outputs();

    @Override
    public void prepare(Shape[] inputShapes) {
        Shape weights = weightShape(inputShapes[0]);
        weightMean.setShape(weights);
        weightRho.setShape(weights);
        biasMean.setShape(new Shape(outputs()));
        biasRho.setShape(new Shape(outputs()));
    }
}
