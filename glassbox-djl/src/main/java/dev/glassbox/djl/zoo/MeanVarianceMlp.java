package dev.glassbox.djl.zoo;

import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.initializer.UniformInitializer;
import dev.glassbox.djl.NamedBlocks;

/**
 * A mean–variance network for tabular regression: two hidden layers of {@value #HIDDEN} ReLU units (the first's biases
 * drawn from U(−1, 1), as PyTorch does for one input, not zero), each followed by
 * dropout of rate {@value #DROPOUT} (sampled by MC dropout, off otherwise), and a linear layer with two outputs, the
 * mean and the raw variance of {@link dev.glassbox.djl.uncertainty.GaussianNllLoss}. The input width is taken from
 * the data when the network is initialised.
 */
public final class MeanVarianceMlp {
    /** The architecture's name in saved model cards. */
    public static final String NAME = "mean-variance-mlp";
    /** Units per hidden layer. */
    public static final int HIDDEN = 64;
    /** The dropout rate after each hidden layer. */
    public static final float DROPOUT = 0.1f;

    private MeanVarianceMlp() {
    }

    /** A fresh, uninitialised network. */
    public static NamedBlocks build() {
        Linear first = Linear.builder().setUnits(HIDDEN).build();
        // biases spread the first layer's ReLU kinks over the standardised inputs; at zero they all start at 0
        first.setInitializer(new UniformInitializer(1f), Parameter.Type.BIAS);
        return new NamedBlocks()
                .add("fc1", first)
                .add("relu1", Activation.reluBlock())
                .add("drop1", Dropout.builder().optRate(DROPOUT).build())
                .add("fc2", Linear.builder().setUnits(HIDDEN).build())
                .add("relu2", Activation.reluBlock())
                .add("drop2", Dropout.builder().optRate(DROPOUT).build())
                .add("out", Linear.builder().setUnits(2).build());
    }
}
