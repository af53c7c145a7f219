package dev.glassbox.djl.interpretable;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.model.Batches;
import dev.glassbox.core.model.Shape;
import dev.glassbox.djl.model.BlockModel;
import java.util.List;

/**
 * The attention weights of a transformer built from {@link EncoderBlock}s: for each input, each block and each head,
 * the {@code tokens × tokens} matrix whose row q holds how much token q attends to every token (each row sums to 1).
 * Each block's weights are computed from that block's own input, the output of the layer before it.
 */
public final class AttentionMaps {
    private final BlockModel model;
    private final List<String> blocks;

    /** The maps of the named encoder blocks of {@code model}, in forward order. */
    public AttentionMaps(BlockModel model, List<String> blocks) {
        if (blocks.isEmpty()) {
            throw new InvalidInputException("attention maps need at least one encoder block");
        }
        for (String name : blocks) {
            if (!(model.layers().layer(name) instanceof EncoderBlock)) {
                throw new InvalidInputException("layer '" + name + "' is not a transformer encoder block");
            }
            if (model.layers().indexOf(name) == 0) {
                throw new InvalidInputException("encoder block '" + name + "' needs a layer before it that makes tokens");
            }
        }
        this.model = model;
        this.blocks = List.copyOf(blocks);
    }

    /** The encoder blocks read, in forward order. */
    public List<String> blocks() {
        return blocks;
    }

    /** The number of tokens, counting the class token. */
    public int tokens() {
        return model.layerShapes().get(blocks.get(0)).dim(0);
    }

    /** The class token's attention to each patch token (its row without its own entry) in one head's matrix. */
    public static float[] classTokenRow(float[] matrix, int tokens) {
        return java.util.Arrays.copyOfRange(matrix, 1, tokens);
    }

    /** {@code [input][block][head]}: the row-major {@code tokens × tokens} attention matrix. */
    public float[][][][] of(float[][] inputs) {
        Batches.requireValid(inputs, model.inputShape());
        float[][][][] out = new float[inputs.length][blocks.size()][][];
        for (int b = 0; b < blocks.size(); b++) {
            String name = blocks.get(b);
            String before = model.layerNames().get(model.layers().indexOf(name) - 1);
            float[][] tokens = model.activations(inputs, before);
            Shape shape = model.layerShapes().get(before);
            EncoderBlock block = (EncoderBlock) model.layers().layer(name);
            try (NDManager scope = model.djlModel().getNDManager().newSubManager()) {
                float[] flat = new float[inputs.length * shape.size()];
                for (int i = 0; i < inputs.length; i++) {
                    System.arraycopy(tokens[i], 0, flat, i * shape.size(), shape.size());
                }
                NDArray x = scope.create(flat, new ai.djl.ndarray.types.Shape(shape.withBatch(inputs.length)));
                NDArray weights = block.attention(new ParameterStore(scope, false), x);
                int heads = block.heads();
                int size = shape.dim(0) * shape.dim(0);
                float[] all = weights.toFloatArray();
                for (int i = 0; i < inputs.length; i++) {
                    out[i][b] = new float[heads][];
                    for (int h = 0; h < heads; h++) {
                        int from = (i * heads + h) * size;
                        out[i][b][h] = java.util.Arrays.copyOfRange(all, from, from + size);
                    }
                }
            }
        }
        return out;
    }
}
