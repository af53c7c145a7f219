package dev.glassbox.core.input;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.model.Batches;
import dev.glassbox.core.model.Shape;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads model input from a file of any supported type, chosen by extension: images ({@code .png}, {@code .jpg},
 * {@code .jpeg}) give one sample, NumPy arrays ({@code .npy}) one sample or a batch, CSV files ({@code .csv})
 * one sample per data row, and IDX image files ({@code *idx3-ubyte[.gz]}, as Fashion-MNIST) one sample per image. Every sample is checked against the model's expected shape when one is given; only layouts
 * that cannot be mistaken are adapted to it: a grey {@code 1×H×W} image for a model taking {@code H×W} or
 * {@code H*W} values, and a CSV row for any shape with as many values as there are columns.
 */
public final class InputFiles {
    /** The extensions {@link #read} understands, lower case and without the dot. */
    public static final List<String> EXTENSIONS = List.of("png", "jpg", "jpeg", "npy", "csv");

    private InputFiles() {
    }

    /**
     * Reads the samples in {@code file}.
     *
     * @param expectedShape the shape of one model input, or null to accept the shape found in the file (a whole
     *     {@code .npy} array is then one sample)
     * @param imageOptions channels and normalisation for images, or null for {@link ImageOptions#defaults()}
     * @throws InvalidInputException when the file is missing, of an unsupported type, unreadable, holds NaN or an
     *     infinity, or does not fit {@code expectedShape}
     */
    public static List<Sample> read(Path file, Shape expectedShape, ImageOptions imageOptions) {
        return read(file, expectedShape, imageOptions, true);
    }

    /**
     * {@link #read(Path, Shape, ImageOptions)}, with CSV files read with a header row ({@code csvHeader}) or without
     * one (every line data, columns {@code c0, c1, …}).
     */
    public static List<Sample> read(Path file, Shape expectedShape, ImageOptions imageOptions, boolean csvHeader) {
        InputPaths.requireFile(file);
        String name = InputPaths.name(file);
        List<Sample> samples = isIdxImages(name) ? IdxReader.images(file) : switch (InputPaths.extension(file)) {
            case "png", "jpg", "jpeg" -> {
                requireFittingSize(name, ImageReader.dimensions(file), expectedShape);
                yield List.of(fitImage(ImageReader.read(file,
                        imageOptions == null ? ImageOptions.defaults() : imageOptions), expectedShape));
            }
            case "npy" -> NpyReader.samples(file, expectedShape);
            case "csv" -> csvSamples(file, expectedShape, csvHeader);
            default -> throw new InvalidInputException("input " + name + " has an unsupported type: expected a file "
                    + "ending in ." + String.join(", .", EXTENSIONS) + ", or an IDX image file (*idx3-ubyte[.gz])");
        };
        for (Sample sample : samples) {
            if (expectedShape != null && !sample.shape().equals(expectedShape)) {
                throw mismatch(name, sample.shape(), expectedShape);
            }
            Batches.requireFinite(sample.values(), "input " + sample.name());
        }
        return samples;
    }

    /**
     * A one-channel image reshaped for a model that takes grey images without a channel axis ({@code H×W}) or
     * flattened ({@code H*W}); any other image as it is.
     */
    private static Sample fitImage(Sample image, Shape expectedShape) {
        Shape shape = image.shape();
        if (expectedShape == null || shape.dim(0) != 1) {
            return image;
        }
        boolean plane = expectedShape.rank() == 2 && expectedShape.dim(0) == shape.dim(1)
                && expectedShape.dim(1) == shape.dim(2);
        boolean flat = expectedShape.rank() == 1 && expectedShape.dim(0) == shape.size();
        return plane || flat ? new Sample(image.name(), expectedShape, image.values()) : image;
    }

    /** Images above this many pixels are checked against the expected shape before they are decoded. */
    private static final long CHECK_BEFORE_DECODING_PIXELS = 1L << 20;

    /**
     * Refuses, before its pixels are decoded, a large image whose size cannot give {@code expectedShape}: the height and
     * width of a {@code C×H×W} or {@code H×W} shape, or as many pixels (grey or RGB) as a flat shape has values. Smaller
     * images are decoded first, so that the message can name their channels.
     */
    private static void requireFittingSize(String name, ImageReader.Dimensions size, Shape expectedShape) {
        if (expectedShape == null || size.pixels() <= CHECK_BEFORE_DECODING_PIXELS) {
            return;
        }
        int rank = expectedShape.rank();
        boolean fits = switch (rank) {
            case 1 -> expectedShape.size() == size.pixels() || expectedShape.size() == 3 * size.pixels();
            case 2, 3 -> expectedShape.dim(rank - 2) == size.height() && expectedShape.dim(rank - 1) == size.width();
            default -> true;
        };
        if (!fits) {
            throw new InvalidInputException("input " + name + " is a " + size.width() + "×" + size.height()
                    + " image (width × height) but the model expects shape " + expectedShape);
        }
    }

    /** Whether the name is an IDX image file's, as the MNIST-style data sets name them ({@code *idx3-ubyte[.gz]}). */
    private static boolean isIdxImages(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return lower.endsWith("idx3-ubyte") || lower.endsWith("idx3-ubyte.gz");
    }

    /** CSV rows, reshaped to the expected shape when it holds as many values as there are columns. */
    private static List<Sample> csvSamples(Path file, Shape expectedShape, boolean header) {
        String name = InputPaths.name(file);
        TabularData table = CsvReader.read(file, header);
        if (expectedShape == null || expectedShape.equals(table.shape())) {
            return table.samples(name);
        }
        if (expectedShape.size() != table.columns().size()) {
            throw new InvalidInputException("input " + name + " has " + table.columns().size() + " columns but the "
                    + "model expects " + expectedShape.size() + " values per sample (shape " + expectedShape + ")");
        }
        List<Sample> samples = new ArrayList<>();
        for (Sample row : table.samples(name)) {
            samples.add(new Sample(row.name(), expectedShape, row.values()));
        }
        return samples;
    }

    private static InvalidInputException mismatch(String name, Shape actual, Shape expected) {
        String message = "input " + name + " has shape " + actual + " but the model expects " + expected;
        if (actual.rank() == 3 && expected.rank() == 3 && actual.dim(0) != expected.dim(0)
                && actual.dim(1) == expected.dim(1) && actual.dim(2) == expected.dim(2)) {
            int wanted = expected.dim(0);
            message += ": the image has " + actual.dim(0) + " channel" + (actual.dim(0) == 1 ? "" : "s")
                    + " and the model " + wanted
                    + (wanted == 1 ? "; read it as grey" : wanted == 3 ? "; read it as RGB" : "");
        }
        return new InvalidInputException(message);
    }
}
