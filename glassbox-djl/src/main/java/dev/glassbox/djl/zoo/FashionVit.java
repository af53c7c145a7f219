package dev.glassbox.djl.zoo;

import ai.djl.nn.LambdaBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import dev.glassbox.djl.model.NamedBlocks;
import dev.glassbox.djl.interpretable.EncoderBlock;
import dev.glassbox.djl.interpretable.PatchEmbedding;
import java.util.ArrayList;
import java.util.List;

/**
 * A small vision transformer for 1×28×28 Fashion-MNIST images: 7×7 patches (a 4×4 grid) embedded as tokens of
 * {@value #WIDTH} features after a class token, {@value #DEPTH} pre-norm encoder blocks ({@code block1} …) of
 * {@value #HEADS} heads, a final LayerNorm, and a linear head on the class token.
 */
public final class FashionVit {
    /** The architecture's name in saved model cards. */
    public static final String NAME = "fashion-vit";
    /** The patch side in pixels. */
    public static final int PATCH = 7;
    /** The token width. */
    public static final int WIDTH = 64;
    /** The number of encoder blocks. */
    public static final int DEPTH = 3;
    /** The number of attention heads per block. */
    public static final int HEADS = 4;

    private FashionVit() {
    }

    /** A fresh, uninitialised network. */
    public static NamedBlocks build() {
        return build(PATCH, WIDTH, DEPTH, HEADS, 10);
    }

    /** A vision transformer of the given shape: {@code patches}, {@code block1..depth}, {@code norm}, {@code cls}, {@code head}. */
    public static NamedBlocks build(int patch, int width, int depth, int heads, int classes) {
        NamedBlocks net = new NamedBlocks().add("patches", new PatchEmbedding(patch, width));
        for (String block : blocks(depth)) {
            net.add(block, new EncoderBlock(width, heads, 2 * width));
        }
        return net.add("norm", LayerNorm.builder().axis(2).build())
                .add("cls", LambdaBlock.singleton(tokens -> tokens.get(":, 0, :"), "cls"))
                .add("head", Linear.builder().setUnits(classes).build());
    }

    /** The names of the encoder blocks of a network of {@code depth} blocks, in forward order. */
    public static List<String> blocks(int depth) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= depth; i++) {
            names.add("block" + i);
        }
        return names;
    }
}
