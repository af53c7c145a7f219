package dev.glassbox.djl.zoo;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.loss.Loss;
import dev.glassbox.djl.model.NamedBlocks;
import dev.glassbox.djl.uncertainty.BayesConv2d;
import dev.glassbox.djl.uncertainty.BayesLinear;
import dev.glassbox.djl.uncertainty.ElboLoss;
import java.util.function.Function;

/**
 * A small Bayesian CNN for 1×28×28 images, every weight a Gaussian: two 3×3 Bayesian convolutions (16 and 32
 * filters) with ReLU and 2×2 max-pooling, then a Bayesian linear layer to ten classes, all with the prior
 * {@code N(0, }{@value #PRIOR_SIGMA}{@code ²)}. Trained by Bayes by backprop with {@link #elbo(NamedBlocks)}.
 */
public final class BayesianCnn {
    /** The architecture's name in saved model cards. */
    public static final String NAME = "bayes-cnn";
    /** The prior's standard deviation for every weight and bias. */
    public static final float PRIOR_SIGMA = 0.1f;

    private BayesianCnn() {
    }

    /** A fresh, uninitialised network. */
    public static NamedBlocks build() {
        NamedBlocks net = new NamedBlocks()
                .add("conv1", new BayesConv2d(16, 3, PRIOR_SIGMA))
                .add("relu1", Activation.reluBlock())
                .add("pool1", Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                .add("conv2", new BayesConv2d(32, 3, PRIOR_SIGMA))
                .add("relu2", Activation.reluBlock())
                .add("pool2", Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                .add("flatten", Blocks.batchFlattenBlock())
                .add("fc", new BayesLinear(10, PRIOR_SIGMA));
        return net;
    }

    /** The ELBO of a network built here, for training with the number of mini-batches per epoch. */
    public static Function<Integer, Loss> elbo(NamedBlocks net) {
        return batches -> ElboLoss.of(net.block(), Loss.softmaxCrossEntropyLoss(), batches);
    }
}
