package dev.glassbox.djl.interpretable;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.djl.backprop.Scalars;

/**
 * One pre-norm transformer encoder block on {@code batch × tokens × width} inputs:
 * {@code y = x + proj(MHA(LN₁(x)))}, then {@code y + MLP(LN₂(y))} with a GELU MLP. Multi-head attention with
 * {@code h} heads of size {@code d = width / h} gives head k the weights
 * {@code A_k = softmax(Q_k K_kᵀ / √d)} (rows sum to 1) and outputs {@code A_k V_k}; {@link #attention} returns the
 * weights themselves, the attention maps that rollout combines.
 */
public final class EncoderBlock extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int width;
    private final int heads;
    private final LayerNorm norm1;
    private final Linear qkv;
    private final Linear projection;
    private final LayerNorm norm2;
    private final Linear hidden;
    private final Linear output;

    /** A block of {@code heads} heads on tokens of {@code width} features, with an MLP of {@code mlpWidth} units. */
    public EncoderBlock(int width, int heads, int mlpWidth) {
        super(VERSION);
        if (width < 1 || heads < 1 || width % heads != 0 || mlpWidth < 1) {
            throw new InvalidInputException("an encoder block needs a width divisible by its number of heads and a "
                    + "positive MLP width, got width " + width + ", " + heads + " heads, MLP width " + mlpWidth);
        }
        this.width = width;
        this.heads = heads;
        norm1 = addChildBlock("norm1", LayerNorm.builder().axis(2).build());
        qkv = addChildBlock("qkv", Linear.builder().setUnits(3L * width).build());
        projection = addChildBlock("projection", Linear.builder().setUnits(width).build());
        norm2 = addChildBlock("norm2", LayerNorm.builder().axis(2).build());
        hidden = addChildBlock("hidden", Linear.builder().setUnits(mlpWidth).build());
        output = addChildBlock("output", Linear.builder().setUnits(width).build());
    }

    /** The number of attention heads. */
    public int heads() {
        return heads;
    }

    /** The attention weights of every head, {@code batch × heads × tokens × tokens}, for this block's input. */
    public NDArray attention(ParameterStore store, NDArray x) {
        NDArray[] qkvHeads = queriesKeysValues(store, x, false);
        return weights(qkvHeads[0], qkvHeads[1]);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Shape shape = x.getShape();
        NDArray[] qkvHeads = queriesKeysValues(store, x, training);
        NDArray mixed = weights(qkvHeads[0], qkvHeads[1]).matMul(qkvHeads[2]).transpose(0, 2, 1, 3).reshape(shape);
        NDArray y = x.add(projection.forward(store, new NDList(mixed), training).singletonOrThrow());
        NDArray normed = norm2.forward(store, new NDList(y), training).singletonOrThrow();
        NDArray h = Activation.gelu(hidden.forward(store, new NDList(normed), training).singletonOrThrow());
        return new NDList(y.add(output.forward(store, new NDList(h), training).singletonOrThrow()));
    }

    /** Queries, keys and values of each head, each {@code batch × heads × tokens × headSize}. */
    private NDArray[] queriesKeysValues(ParameterStore store, NDArray x, boolean training) {
        long batch = x.getShape().get(0);
        long tokens = x.getShape().get(1);
        NDArray normed = norm1.forward(store, new NDList(x), training).singletonOrThrow();
        NDArray all = qkv.forward(store, new NDList(normed), training).singletonOrThrow()
                .reshape(batch, tokens, 3, heads, width / heads).transpose(2, 0, 3, 1, 4);
        return new NDArray[] {all.get(0), all.get(1), all.get(2)};
    }

    private NDArray weights(NDArray queries, NDArray keys) {
        NDArray scores = queries.matMul(keys.transpose(0, 1, 3, 2));
        return scores.div(Scalars.like(scores, Math.sqrt(width / (double) heads))).softmax(-1);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape tokens = inputShapes[0];
        if (tokens.dimension() != 3 || tokens.get(2) != width) {
            throw new InvalidInputException("an encoder block of width " + width + " takes batch × tokens × " + width
                    + " inputs, got " + tokens);
        }
        norm1.initialize(manager, dataType, tokens);
        qkv.initialize(manager, dataType, tokens);
        projection.initialize(manager, dataType, tokens);
        norm2.initialize(manager, dataType, tokens);
        hidden.initialize(manager, dataType, tokens);
        output.initialize(manager, dataType, hidden.getOutputShapes(new Shape[] {tokens}));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
