package dev.glassbox.cli.command;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.input.LabelledImages;
import dev.glassbox.core.input.NdArrayData;
import dev.glassbox.core.input.NpyReader;
import dev.glassbox.core.model.Shape;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The labelled training images of {@code glassbox inspect influence}, each of one shape (grey {@code 1×H×W} from IDX
 * files, or any {@code C×H×W} from a NumPy array), as values the model takes.
 *
 * @param shape the shape of one image
 * @param images the images, flattened
 * @param labels their class labels
 */
public record TrainingImages(Shape shape, float[][] images, int[] labels) {

    /** Grey IDX images, pixels scaled to [0, 1]. */
    public static TrainingImages of(LabelledImages idx) {
        float[][] images = new float[idx.count()][];
        for (int i = 0; i < images.length; i++) {
            images[i] = idx.image(i);
        }
        return new TrainingImages(idx.shape(), images, idx.labels());
    }

    /**
     * A NumPy array of {@code N} images ({@code N×C×H×W}, or {@code N×H×W} for grey ones) taken as they are, with
     * their labels from {@code labels} (an IDX label file, a {@code .npy} array or a text file; see {@link Labels}).
     */
    public static TrainingImages npy(Path file, Path labels) {
        NdArrayData array = NpyReader.read(file);
        int[] dims = array.shape().dims();
        if (dims.length < 3 || dims.length > 4) {
            throw new InvalidInputException("training images " + file.getFileName() + " hold an array of shape "
                    + array.shape() + ": expected N×C×H×W (or N×H×W for grey images)");
        }
        Shape shape = dims.length == 4 ? Shape.of(dims[1], dims[2], dims[3]) : Shape.of(1, dims[1], dims[2]);
        int size = shape.size();
        float[] values = array.values();
        float[][] images = new float[dims[0]][];
        for (int i = 0; i < images.length; i++) {
            images[i] = Arrays.copyOfRange(values, i * size, (i + 1) * size);
        }
        return new TrainingImages(shape, images, Labels.read(labels, images.length, Integer.MAX_VALUE));
    }

    /** The number of images. */
    public int count() {
        return images.length;
    }

    /** Image {@code i}. */
    public float[] image(int i) {
        return images[i];
    }

    /** The label of image {@code i}. */
    public int label(int i) {
        return labels[i];
    }

    /** The first {@code n} images (all of them when there are fewer). */
    public TrainingImages first(int n) {
        int kept = Math.min(n, images.length);
        return new TrainingImages(shape, Arrays.copyOf(images, kept), Arrays.copyOf(labels, kept));
    }
}
