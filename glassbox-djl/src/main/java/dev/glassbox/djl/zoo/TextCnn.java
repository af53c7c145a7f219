package dev.glassbox.djl.zoo;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import dev.glassbox.djl.model.NamedBlocks;
import dev.glassbox.djl.text.PaddedEmbedding;
import dev.glassbox.djl.text.TextClassifier;

/**
 * A small text classifier over rows of token ids: 32-dimensional token embeddings (padding embedded as zero), one 1-D
 * convolution of 64 filters over windows of three tokens with ReLU, the maximum of each filter over the text, dropout
 * and one linear layer.
 */
public final class TextCnn {
    /** The architecture's name in saved model cards. */
    public static final String NAME = "text-cnn";
    /** The embedding dimension. */
    public static final int DIMENSION = 32;

    private TextCnn() {
    }

    /** A fresh, uninitialised network for a vocabulary of {@code vocabularySize} ids and {@code classes} outputs. */
    public static NamedBlocks build(int vocabularySize, int classes) {
        return new NamedBlocks()
                .add(TextClassifier.EMBEDDING, new PaddedEmbedding(vocabularySize, DIMENSION))
                .add("channels", LambdaBlock.singleton(x -> x.transpose(0, 2, 1), "channels-first"))
                .add("conv", Conv1d.builder().setKernelShape(new Shape(3)).optPadding(new Shape(1)).setFilters(64).build())
                .add("relu", Activation.reluBlock())
                .add("pool", Pool.globalMaxPool1dBlock())
                .add("dropout", Dropout.builder().optRate(0.3f).build())
                .add("fc", Linear.builder().setUnits(classes).build());
    }
}
