package dev.glassbox.djl.zoo;

import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.initializer.UniformInitializer;
import dev.glassbox.djl.model.NamedBlocks;

/**
 * A mean–variance network for tabular regression: two hidden layers of {@value #HIDDEN} ReLU units (the first's biases
 * drawn from U(−1, 1), as PyTorch does for one input, not zero), each followed by dropout of rate {@value #DROPOUT}
 * in the {@link #NAME} variant (sampled by MC dropout, off otherwise) or by nothing in the {@link #PLAIN_NAME} one,
 * and a linear layer with two outputs, the mean and the raw variance of
 * {@link dev.glassbox.djl.uncertainty.GaussianNllLoss}. Dropout during training adds the jitter of the network's own
 * mean to what the variance output learns, so a plain ensemble estimates aleatoric noise more closely. The input
 * width is taken from the data when the network is initialised.
 */
public final class MeanVarianceMlp {
    /** The name of the variant with dropout in saved model cards. */
    public static final String NAME = "mean-variance-mlp";
    /** The name of the variant without dropout. */
    public static final String PLAIN_NAME = "mean-variance-mlp-plain";
    /** Units per hidden layer. */
    public static final int HIDDEN = 64;
    /** The dropout rate after each hidden layer. */
    public static final float DROPOUT = 0.1f;

    private MeanVarianceMlp() {
    }

    /** A fresh, uninitialised network with dropout. */
    public static NamedBlocks build() {
        return build(true);
    }

    /** A fresh, uninitialised network without dropout. */
    public static NamedBlocks buildPlain() {
        return build(false);
    }

    private static NamedBlocks build(boolean dropout) {
        Linear first = Linear.builder().setUnits(HIDDEN).build();
        // biases spread the first layer's ReLU kinks over the standardised inputs; at zero they all start at 0
        first.setInitializer(new UniformInitializer(1f), Parameter.Type.BIAS);
        NamedBlocks layers = new NamedBlocks().add("fc1", first).add("relu1", Activation.reluBlock());
        if (dropout) {
            layers.add("drop1", Dropout.builder().optRate(DROPOUT).build());
        }
        layers.add("fc2", Linear.builder().setUnits(HIDDEN).build()).add("relu2", Activation.reluBlock());
        if (dropout) {
            layers.add("drop2", Dropout.builder().optRate(DROPOUT).build());
        }
        return layers.add("out", Linear.builder().setUnits(2).build());
    }
}
