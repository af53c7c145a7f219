package dev.glassbox.core.input;

import dev.glassbox.core.model.Shape;
import java.util.Arrays;
import java.util.Objects;

/**
 * Grey images with one class label each, as stored in IDX files: {@code count} images of {@code rows×cols} unsigned
 * 8-bit pixels, concatenated row-major in {@code pixels}, and their labels.
 */
public record LabelledImages(int count, int rows, int cols, byte[] pixels, int[] labels) {

    public LabelledImages {
        Objects.requireNonNull(pixels, "pixels");
        Objects.requireNonNull(labels, "labels");
        if (count < 0 || rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException("invalid size: " + count + " images of " + rows + "×" + cols);
        }
        if (pixels.length != (long) count * rows * cols) {
            throw new IllegalArgumentException(pixels.length + " pixels for " + count + " images of " + rows + "×" + cols);
        }
        if (labels.length != count) {
            throw new IllegalArgumentException(labels.length + " labels for " + count + " images");
        }
        pixels = pixels.clone();
        labels = labels.clone();
    }

    /** A copy of all pixels, unsigned bytes, image after image. */
    @Override
    public byte[] pixels() {
        return pixels.clone();
    }

    /** A copy of the labels. */
    @Override
    public int[] labels() {
        return labels.clone();
    }

    /** The shape of one image as a sample: {@code 1×rows×cols}. */
    public Shape shape() {
        return Shape.of(1, rows, cols);
    }

    /** Image {@code i} as values in [0, 1] (pixel / 255), shape {@link #shape()}. */
    public float[] image(int i) {
        Objects.checkIndex(i, count);
        int size = rows * cols;
        float[] values = new float[size];
        for (int p = 0; p < size; p++) {
            values[p] = (pixels[i * size + p] & 0xff) / 255f;
        }
        return values;
    }

    /** The label of image {@code i}. */
    public int label(int i) {
        return labels[Objects.checkIndex(i, count)];
    }

    /** Image {@code i} as a sample named {@code name}. */
    public Sample sample(int i, String name) {
        return new Sample(name, shape(), image(i));
    }

    /** Images {@code from} (inclusive) to {@code to} (exclusive). */
    public LabelledImages slice(int from, int to) {
        Objects.checkFromToIndex(from, to, count);
        int size = rows * cols;
        return new LabelledImages(to - from, rows, cols, Arrays.copyOfRange(pixels, from * size, to * size),
                Arrays.copyOfRange(labels, from, to));
    }

    /** The images at the given indices, in that order. */
    public LabelledImages subset(int[] indices) {
        int size = rows * cols;
        byte[] subsetPixels = new byte[indices.length * size];
        int[] subsetLabels = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            int i = Objects.checkIndex(indices[k], count);
            System.arraycopy(pixels, i * size, subsetPixels, k * size, size);
            subsetLabels[k] = labels[i];
        }
        return new LabelledImages(indices.length, rows, cols, subsetPixels, subsetLabels);
    }

    /**
     * The same images with their labels shuffled by a seeded permutation, so that labels no longer depend on the images
     * (the data-randomisation test of Adebayo et al. 2018); the count of each label is kept.
     */
    public LabelledImages withPermutedLabels(long seed) {
        int[] shuffled = labels.clone();
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        for (int i = shuffled.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = swap;
        }
        return new LabelledImages(count, rows, cols, pixels, shuffled);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelledImages other && count == other.count && rows == other.rows && cols == other.cols
                && Arrays.equals(pixels, other.pixels) && Arrays.equals(labels, other.labels);
    }

    @Override
    public int hashCode() {
        return Objects.hash(count, rows, cols, Arrays.hashCode(pixels), Arrays.hashCode(labels));
    }

    @Override
    public String toString() {
        return "LabelledImages[" + count + " images of " + rows + "×" + cols + "]";
    }
}
