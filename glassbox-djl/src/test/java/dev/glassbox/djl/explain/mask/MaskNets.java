package dev.glassbox.djl.explain.mask;

import ai.djl.nn.Blocks;
import ai.djl.nn.core.Linear;
import dev.glassbox.core.model.Shape;
import dev.glassbox.djl.model.BlockModel;
import dev.glassbox.djl.model.NamedBlocks;
import dev.glassbox.djl.explain.TestNets;
import java.util.SplittableRandom;

/** A model whose class 0 reads only a known square of a 1×28×28 image, and textured images for it. */
final class MaskNets {
    static final Shape IMAGE = Shape.of(1, 28, 28);
    static final int SIDE = 28;
    /** The square the model reads: rows 4–17, columns 10–23 (196 of 784 pixels). */
    static final int TOP = 4;
    static final int LEFT = 10;
    static final int SIZE = 14;

    private MaskNets() {
    }

    /** Whether pixel {@code p} (row-major) lies in the square. */
    static boolean inSquare(int p) {
        int y = p / SIDE;
        int x = p % SIDE;
        return y >= TOP && y < TOP + SIZE && x >= LEFT && x < LEFT + SIZE;
    }

    /** The square's share of the image. */
    static double squareArea() {
        return SIZE * SIZE / (double) (SIDE * SIDE);
    }

    /** Logits (Σ_square x − bias, 0): class 0's score depends on the square only. */
    static BlockModel readsTheSquare(float bias) {
        BlockModel model = TestNets.build(new NamedBlocks()
                .add("flatten", Blocks.batchFlattenBlock())
                .add("fc", Linear.builder().setUnits(2).build()), IMAGE, 3);
        float[] w = new float[2 * SIDE * SIDE];
        for (int p = 0; p < SIDE * SIDE; p++) {
            w[p] = inSquare(p) ? 1 : 0;
        }
        model.layers().layer("fc").getParameters().get("weight").getArray().set(w);
        model.layers().layer("fc").getParameters().get("bias").getArray().set(new float[] {-bias, 0});
        return model;
    }

    /** An image of random values in [0.5, 1]. */
    static float[] texture(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] out = new float[SIDE * SIDE];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (0.5 + 0.5 * random.nextDouble());
        }
        return out;
    }

    /** The intersection over union of the {@code k} largest values of {@code map} with the square. */
    static double topIou(float[] map, int k) {
        Integer[] order = new Integer[map.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Float.compare(map[b], map[a]));
        int shared = 0;
        for (int i = 0; i < k; i++) {
            shared += inSquare(order[i]) ? 1 : 0;
        }
        return shared / (double) (k + SIZE * SIZE - shared);
    }

    /** The IoU of the pixels where {@code map} exceeds one half with the square. */
    static double thresholdIou(float[] map) {
        int shared = 0;
        int selected = 0;
        for (int p = 0; p < map.length; p++) {
            if (map[p] > 0.5f) {
                selected++;
                shared += inSquare(p) ? 1 : 0;
            }
        }
        return shared / (double) (selected + SIZE * SIZE - shared);
    }
}
