package dev.glassbox.djl.zoo;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import dev.glassbox.djl.model.NamedBlocks;
import dev.glassbox.djl.interpretable.ClassVoteInitializer;
import dev.glassbox.djl.interpretable.PrototypeLayer;
import dev.glassbox.djl.backprop.Scalars;

/**
 * A prototype network for 1×28×28 Fashion-MNIST images: a small convolutional encoder ({@link #encoder()}), a
 * linear map to a {@value #LATENT_SIZE}-dimensional code, batch-normalised and scaled to unit length ({@code z}),
 * then {@value #PROTOTYPES} learned prototypes {@code p̂_j} on that unit sphere. The attention on prototype j is
 * {@code a_j(x) = softmax_j(−‖z(x) − p̂_j‖² / τ)} with temperature τ = {@value #TEMPERATURE} (that is,
 * {@code softmax_j(10 cos(z, p_j))}) and the class scores are the attention-weighted vote of the prototypes' answers,
 * {@code s(x) = Σ_j a_j(x) v_j}, where {@code v_j} is column j of the bias-free {@code vote} layer, which starts with
 * prototype j voting {@value #VOTE_STRENGTH} for class {@code j mod 10} ({@link ClassVoteInitializer}). Its
 * {@link #baseline()} is the ordinary CNN of the same size it is compared with: the same encoder and one linear layer.
 */
public final class FashionProtoNet {
    /** The architecture's name in saved model cards. */
    public static final String NAME = "fashion-protonet";
    /** The linear map from the encoder's features to the latent code. */
    public static final String PROJECTION = "projection";
    /** The projection batch-normalised, centred so that no direction is shared by all codes. */
    public static final String CENTRED = "centred";
    /** The latent code's layer: the centred code scaled to unit length. */
    public static final String LATENT = "latent";
    /** The layer of squared distances to the prototypes. */
    public static final String DISTANCES = "prototypes";
    /** The layer of attention weights on the prototypes. */
    public static final String ATTENTION = "attention";
    /** The layer whose weights are the prototypes' answers (classes × prototypes). */
    public static final String VOTE = "vote";
    /** The name of the ordinary CNN it is compared with, in saved model cards. */
    public static final String BASELINE = "fashion-protonet-baseline";
    /** The number of prototypes. */
    public static final int PROTOTYPES = 20;
    /** The size of the latent code. */
    public static final int LATENT_SIZE = 16;
    /** The attention's temperature on squared distances between unit vectors (which lie in [0, 4]). */
    public static final float TEMPERATURE = 0.2f;
    /** Each prototype's starting answer for its class. */
    public static final float VOTE_STRENGTH = 5f;

    private FashionProtoNet() {
    }

    /** A fresh, uninitialised network. */
    public static NamedBlocks build() {
        return head(encoder(), LATENT_SIZE, PROTOTYPES, 10);
    }

    /** The ordinary CNN of the same size: the encoder, then one linear layer ({@code fc}) to the class scores. */
    public static NamedBlocks baseline() {
        return encoder().add("fc", Linear.builder().setUnits(10).build());
    }

    /**
     * The encoder: three 3×3 convolutions of 16, 32 and 64 filters, each with BatchNorm and ReLU ({@code conv1},
     * {@code bn1}, {@code relu1} …), 2×2 max-pools after the first two, and global average pooling ({@code gap}).
     */
    public static NamedBlocks encoder() {
        NamedBlocks net = new NamedBlocks();
        int[] filters = {16, 32, 64};
        for (int i = 0; i < filters.length; i++) {
            int n = i + 1;
            net.add("conv" + n, Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
                    .setFilters(filters[i]).build());
            net.add("bn" + n, BatchNorm.builder().build());
            net.add("relu" + n, Activation.reluBlock());
            if (n < filters.length) {
                net.add("pool" + n, Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
            }
        }
        return net.add("gap", Pool.globalAvgPool2dBlock());
    }

    /**
     * Appends the prototype head to an encoder: {@code projection} (linear), {@code centred} (BatchNorm: codes that
     * share a large common component would all pick the same prototype), {@code latent} (unit length),
     * {@code prototypes} (squared distances to unit prototypes), {@code attention} (softmax of the negated distances
     * over τ) and {@code vote} (bias-free linear, starting from each prototype's class).
     */
    public static NamedBlocks head(NamedBlocks encoder, int latentSize, int prototypes, int classes) {
        Linear vote = Linear.builder().setUnits(classes).optBias(false).build();
        vote.setInitializer(new ClassVoteInitializer(VOTE_STRENGTH), Parameter.Type.WEIGHT);
        return encoder.add(PROJECTION, Linear.builder().setUnits(latentSize).build())
                .add(CENTRED, BatchNorm.builder().build())
                .add(LATENT, new LambdaBlock(z -> new NDList(PrototypeLayer.unit(z.singletonOrThrow())), LATENT))
                .add(DISTANCES, new PrototypeLayer(prototypes))
                .add(ATTENTION, new LambdaBlock(d -> new NDList(d.singletonOrThrow().div(
                        Scalars.like(d.singletonOrThrow(), -TEMPERATURE)).softmax(1)),
                        ATTENTION))
                .add(VOTE, vote);
    }
}
