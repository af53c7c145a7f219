package dev.glassbox.djl.generative;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.glassbox.djl.backprop.GraphGradients;
import dev.glassbox.djl.backprop.Scalars;

/**
 * The gradient penalty of WGAN-GP (Gulrajani et al. 2017): {@code λ E[(‖∇ₓ̂ D(x̂)‖₂ − 1)²]} at points
 * {@code x̂ = εx + (1 − ε)x̃} on straight lines between real images {@code x} and generated ones {@code x̃}, with
 * {@code ε ~ U[0, 1]} per example. The input gradient is taken with its graph ({@link GraphGradients}), so that the
 * penalty can itself be differentiated with respect to the critic's weights (double backward); taking it writes no
 * weight's gradient, so that a backward pass of a loss holding the penalty leaves exactly that loss's gradient.
 */
public final class GradientPenalty {
    private GradientPenalty() {
    }

    /**
     * The penalty, a scalar with its graph; call it inside an open gradient collector.
     *
     * @param critic the critic, initialised
     * @param store the parameter store its forward passes use
     * @param real real examples, batch first
     * @param fake generated examples of the same shape, without a graph back to the generator
     * @param epsilon one mixing weight in [0, 1] per example ({@code batch} values)
     * @param weight λ
     */
    public static NDArray of(Block critic, ParameterStore store, NDArray real, NDArray fake, NDArray epsilon,
            float weight) {
        long batch = real.getShape().get(0);
        if (!fake.getShape().equals(real.getShape()) || epsilon.size() != batch) {
            throw new IllegalArgumentException("the penalty needs real and generated batches of one shape and one "
                    + "mixing weight per example; got " + real.getShape() + ", " + fake.getShape() + " and "
                    + epsilon.size() + " weights");
        }
        long[] broadcast = real.getShape().getShape().clone();
        java.util.Arrays.fill(broadcast, 1, broadcast.length, 1);
        NDArray e = epsilon.reshape(broadcast);
        NDArray mixed = real.mul(e).add(fake.mul(e.neg().add(1))).stopGradient();
        mixed.setRequiresGradient(true);
        NDArray gradient = GraphGradients.of(critic.forward(store, new NDList(mixed), true).singletonOrThrow(), mixed);
        int[] axes = new int[broadcast.length - 1];
        for (int i = 0; i < axes.length; i++) {
            axes[i] = i + 1;
        }
        NDArray norms = gradient.square().sum(axes).add(tiny(gradient.getDataType())).sqrt();
        return norms.sub(1).square().mean().mul(Scalars.like(norms, weight));
    }

    /**
     * A floor under the squared norm that keeps the square root's derivative finite where the gradient vanishes,
     * far below any squared norm that matters.
     */
    private static double tiny(DataType type) {
        return type == DataType.FLOAT64 ? 1e-24 : 1e-12;
    }

    /** Zeroes (and detaches) the gradient of every parameter of {@code block} that has one. */
    static void resetGradients(Block block) {
        for (Pair<String, Parameter> p : block.getParameters()) {
            NDArray array = p.getValue().getArray();
            if (array.hasGradient()) {
                JniUtils.zeroGrad((PtNDArray) array);
            }
        }
    }
}
