package dev.glassbox.core.inspect;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.input.FashionMnist;
import dev.glassbox.core.input.LabelledImages;
import dev.glassbox.core.model.Shape;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A generated concept data set with exact masks, for network dissection without a download. Each image, on a dark
 * background, holds a block of one intensity band (grey images) or colour (RGB), a square of one texture (stripes at
 * 0°, 45°, 90° or 135°, dots, a checkerboard), and, when garments are given, a Fashion-MNIST garment shrunk to half
 * size, each at a random place and composited in that order (later ones cover earlier ones). A pixel belongs to the
 * concept of the element visible there: {@code intensity-*} or {@code colour-*}, {@code texture-*}, {@code
 * object-<class>}, {@code part-upper}/{@code part-lower} (the garment's upper and lower half), or {@code background}.
 * Seeded: the same seed and garments give the same images.
 *
 * @param shape the shape of one image, C×H×W with C = 1 or 3
 * @param images the images, flattened, values in [0, 1]
 * @param concepts the concept names
 * @param masks {@code masks[c][i]}: the pixels (y·W + x) of image i that belong to concept c
 */
public record ConceptImages(Shape shape, float[][] images, List<String> concepts, BitSet[][] masks) {

    private static final String[] BANDS = {"intensity-dim", "intensity-mid", "intensity-bright"};
    private static final float[] BAND_VALUES = {0.35f, 0.6f, 0.85f};
    private static final String[] COLOURS = {"colour-red", "colour-green", "colour-blue", "colour-yellow"};
    private static final float[][] COLOUR_VALUES = {{0.9f, 0.1f, 0.1f}, {0.1f, 0.8f, 0.1f}, {0.1f, 0.2f, 0.9f},
        {0.9f, 0.85f, 0.1f}};
    private static final String[] TEXTURES = {"texture-stripes-0", "texture-stripes-45", "texture-stripes-90",
        "texture-stripes-135", "texture-dots", "texture-checkerboard"};
    private static final float GARMENT_INK = 0.1f;

    /**
     * Generates {@code count} images of {@code shape} (C×H×W, C = 1 or 3, H and W at least 16).
     *
     * @param garments Fashion-MNIST images to composite (shrunk to half size), or null for none
     */
    public static ConceptImages generate(Shape shape, int count, LabelledImages garments, long seed) {
        if (shape.rank() != 3 || (shape.dim(0) != 1 && shape.dim(0) != 3) || shape.dim(1) < 16 || shape.dim(2) < 16) {
            throw new InvalidInputException("concept images need a shape C×H×W with 1 or 3 channels and H, W ≥ 16, got "
                    + shape);
        }
        if (count < 1) {
            throw new InvalidInputException("the concept data set needs at least one image, got " + count);
        }
        boolean rgb = shape.dim(0) == 3;
        List<String> names = new ArrayList<>(List.of(rgb ? COLOURS : BANDS));
        names.addAll(List.of(TEXTURES));
        int firstObject = names.size();
        if (garments != null) {
            FashionMnist.CLASS_NAMES.forEach(c -> names.add("object-" + c.toLowerCase(java.util.Locale.ROOT)
                    .replace('/', '-').replace(' ', '-')));
            names.add("part-upper");
            names.add("part-lower");
        }
        names.add("background");
        int h = shape.dim(1);
        int w = shape.dim(2);
        float[][] images = new float[count][];
        BitSet[][] masks = new BitSet[names.size()][count];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < count; i++) {
            int[] owner = new int[h * w];
            java.util.Arrays.fill(owner, names.size() - 1);
            float[] plane = new float[3 * h * w];
            float level = (float) (0.1 * random.nextDouble());
            java.util.Arrays.fill(plane, level);
            int block = random.nextInt(rgb ? COLOURS.length : BANDS.length);
            float[] colour = rgb ? COLOUR_VALUES[block] : new float[] {BAND_VALUES[block], BAND_VALUES[block],
                BAND_VALUES[block]};
            int[] box = box(random, h, w, h / 4, h / 3);
            for (int y = box[0]; y < box[0] + box[2]; y++) {
                for (int x = box[1]; x < box[1] + box[3]; x++) {
                    paint(plane, h * w, y * w + x, colour);
                    owner[y * w + x] = block;
                }
            }
            int texture = random.nextInt(TEXTURES.length);
            box = box(random, h, w, h / 4, h / 3);
            for (int y = box[0]; y < box[0] + box[2]; y++) {
                for (int x = box[1]; x < box[1] + box[3]; x++) {
                    float v = texture(texture, y - box[0], x - box[1]) ? 0.9f : 0.1f;
                    paint(plane, h * w, y * w + x, new float[] {v, v, v});
                    owner[y * w + x] = (rgb ? COLOURS.length : BANDS.length) + texture;
                }
            }
            if (garments != null) {
                compositeGarment(garments, random, plane, owner, h, w, firstObject);
            }
            images[i] = rgb ? plane : java.util.Arrays.copyOf(plane, h * w);
            for (int c = 0; c < names.size(); c++) {
                masks[c][i] = new BitSet(h * w);
            }
            for (int p = 0; p < owner.length; p++) {
                masks[owner[p]][i].set(p);
            }
            if (garments != null) {
                splitParts(masks, i, firstObject, names.size() - 1, w);
            }
        }
        return new ConceptImages(shape, images, List.copyOf(names), masks);
    }

    /** Each concept's share of all pixels of the data set. */
    public double[] areaShares() {
        double[] out = new double[concepts.size()];
        long pixels = (long) images.length * shape.dim(1) * shape.dim(2);
        for (int c = 0; c < out.length; c++) {
            long sum = 0;
            for (BitSet mask : masks[c]) {
                sum += mask.cardinality();
            }
            out[c] = sum / (double) pixels;
        }
        return out;
    }

    /** A random garment, averaged down to half size, drawn where its ink is above {@link #GARMENT_INK}. */
    private static void compositeGarment(LabelledImages garments, SplittableRandom random, float[] plane, int[] owner,
            int h, int w, int firstObject) {
        int index = random.nextInt(garments.count());
        float[] garment = garments.image(index);
        int gh = garments.rows() / 2;
        int gw = garments.cols() / 2;
        int top = random.nextInt(Math.max(1, h - gh + 1));
        int left = random.nextInt(Math.max(1, w - gw + 1));
        for (int y = 0; y < gh && top + y < h; y++) {
            for (int x = 0; x < gw && left + x < w; x++) {
                float v = (garment[2 * y * garments.cols() + 2 * x] + garment[2 * y * garments.cols() + 2 * x + 1]
                        + garment[(2 * y + 1) * garments.cols() + 2 * x]
                        + garment[(2 * y + 1) * garments.cols() + 2 * x + 1]) / 4;
                if (v > GARMENT_INK) {
                    int p = (top + y) * w + left + x;
                    paint(plane, h * w, p, new float[] {v, v, v});
                    owner[p] = firstObject + garments.label(index);
                }
            }
        }
    }

    /** Moves the rows of each object's mask into the upper or lower half of its bounding rows. */
    private static void splitParts(BitSet[][] masks, int image, int firstObject, int background, int w) {
        int upper = background - 2;
        int lower = background - 1;
        for (int c = firstObject; c < upper; c++) {
            BitSet object = masks[c][image];
            if (object.isEmpty()) {
                continue;
            }
            int middle = (object.nextSetBit(0) / w + object.previousSetBit(object.length()) / w + 1) / 2;
            for (int p = object.nextSetBit(0); p >= 0; p = object.nextSetBit(p + 1)) {
                masks[p / w < middle ? upper : lower][image].set(p);
            }
        }
    }

    /** Whether texture t is "on" at (y, x) inside its square: period-4 patterns. */
    private static boolean texture(int t, int y, int x) {
        return switch (t) {
            case 0 -> y % 4 < 2;
            case 1 -> Math.floorMod(x + y, 4) < 2;
            case 2 -> x % 4 < 2;
            case 3 -> Math.floorMod(x - y, 4) < 2;
            case 4 -> y % 4 == 1 && x % 4 == 1;
            default -> (y / 2 + x / 2) % 2 == 0;
        };
    }

    /** A random rectangle {top, left, height, width} with sides in [min, max]. */
    private static int[] box(SplittableRandom random, int h, int w, int min, int max) {
        int bh = min + random.nextInt(max - min + 1);
        int bw = min + random.nextInt(max - min + 1);
        return new int[] {random.nextInt(h - bh + 1), random.nextInt(w - bw + 1), bh, bw};
    }

    private static void paint(float[] plane, int size, int p, float[] colour) {
        for (int c = 0; c < 3; c++) {
            plane[c * size + p] = colour[c];
        }
    }
}
