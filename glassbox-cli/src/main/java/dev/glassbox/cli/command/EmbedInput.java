package dev.glassbox.cli.command;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.input.CsvReader;
import dev.glassbox.core.input.FashionMnist;
import dev.glassbox.core.input.IdxReader;
import dev.glassbox.core.input.LabelledImages;
import dev.glassbox.core.input.LabelledTable;
import dev.glassbox.core.input.NdArrayData;
import dev.glassbox.core.input.NpyReader;
import dev.glassbox.core.input.Sample;
import dev.glassbox.core.model.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The rows {@code glassbox embed} embeds, with their labels and class names when known, and the shape of one row
 * when the rows are images (for thumbnails).
 *
 * @param rows one row of values per sample
 * @param labels each row's class, an index into {@code classNames}; null when unlabelled
 * @param classNames the names of the classes
 * @param imageShape the shape of one row as an image, or null
 * @param indices each row's index in the data as read (rows may be a sample of it)
 */
public record EmbedInput(float[][] rows, int[] labels, List<String> classNames, Shape imageShape, int[] indices) {

    /** Options that say where the rows and labels come from. */
    public record Source(Path data, Path labels, String labelColumn, String classes, String split) {
    }

    /**
     * Reads a Fashion-MNIST folder, an IDX image file, a {@code .npy} array of N samples or a CSV file with a header,
     * and the labels: an IDX label file, a {@code .npy} array of integers, or a text file with one label per line
     * (class indices, or any names); or a CSV column.
     */
    public static EmbedInput read(Source source) {
        Path data = source.data();
        if (Files.isDirectory(data)) {
            if (source.labels() != null) {
                throw new InvalidInputException("--labels does not go with a Fashion-MNIST folder, which has its own");
            }
            LabelledImages images = fashionMnist(data, source.split());
            float[][] rows = new float[images.count()][];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = images.image(i);
            }
            return labelled(rows, images.labels(), FashionMnist.CLASS_NAMES, images.shape());
        }
        String extension = extension(data);
        if (extension.equals("csv")) {
            return csv(source);
        }
        if (source.labelColumn() != null) {
            throw new InvalidInputException("--label-column goes with CSV data only");
        }
        float[][] rows;
        Shape shape;
        if (extension.equals("npy")) {
            NdArrayData array = NpyReader.read(data);
            int[] dims = array.shape().dims();
            if (dims.length < 2) {
                throw new InvalidInputException("array " + data.getFileName() + " has shape " + array.shape()
                        + ": expected N samples, N×…");
            }
            shape = Shape.of(Arrays.copyOfRange(dims, 1, dims.length));
            rows = new float[dims[0]][];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = Arrays.copyOfRange(array.values(), i * shape.size(), (i + 1) * shape.size());
            }
        } else {
            List<Sample> images = IdxReader.images(data);
            if (images.isEmpty()) {
                throw new InvalidInputException("IDX file " + data.getFileName() + " holds no images");
            }
            shape = images.get(0).shape();
            rows = images.stream().map(Sample::values).toArray(float[][]::new);
        }
        Shape imageShape = isImage(shape) ? shape : null;
        if (source.labels() == null) {
            return new EmbedInput(rows, null, List.of(), imageShape, IntStream.range(0, rows.length).toArray());
        }
        return withLabels(rows, readLabels(source.labels()), source.classes(), imageShape);
    }

    private static LabelledImages fashionMnist(Path dir, String split) {
        return switch (split.toLowerCase(Locale.ROOT)) {
            case "test" -> FashionMnist.test(dir);
            case "train" -> FashionMnist.train(dir);
            case "all" -> {
                LabelledImages train = FashionMnist.train(dir);
                LabelledImages test = FashionMnist.test(dir);
                byte[] pixels = Arrays.copyOf(train.pixels(), train.pixels().length + test.pixels().length);
                System.arraycopy(test.pixels(), 0, pixels, train.pixels().length, test.pixels().length);
                int[] labels = IntStream.concat(Arrays.stream(train.labels()), Arrays.stream(test.labels())).toArray();
                yield new LabelledImages(train.count() + test.count(), train.rows(), train.cols(), pixels, labels);
            }
            default -> throw new InvalidInputException("--split must be test, train or all, not '" + split + "'");
        };
    }

    private static EmbedInput csv(Source source) {
        if (source.labelColumn() == null) {
            float[][] rows = CsvReader.read(source.data()).rows();
            if (source.labels() == null) {
                return new EmbedInput(rows, null, List.of(), null, IntStream.range(0, rows.length).toArray());
            }
            return withLabels(rows, readLabels(source.labels()), source.classes(), null);
        }
        if (source.labels() != null) {
            throw new InvalidInputException("give either --labels or --label-column, not both");
        }
        LabelledTable table = CsvReader.readLabelled(source.data(), source.labelColumn());
        return withLabels(table.features().rows(), table.labels(), source.classes(), null);
    }

    /** Labels as text: integers stay class indices, anything else names a class. */
    private static List<String> readLabels(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.contains("idx1-ubyte")) {
            return Arrays.stream(IdxReader.labels(file)).mapToObj(Integer::toString).toList();
        }
        if (name.endsWith(".npy")) {
            List<String> out = new ArrayList<>();
            for (float v : NpyReader.read(file).values()) {
                if (v != Math.rint(v)) {
                    throw new InvalidInputException("labels file " + file.getFileName() + " holds " + v
                            + ": expected whole numbers");
                }
                out.add(Long.toString((long) v));
            }
            return out;
        }
        try {
            return Files.readAllLines(file).stream().map(String::strip).filter(line -> !line.isEmpty()).toList();
        } catch (IOException e) {
            throw new InvalidInputException("cannot read labels file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Rows labelled by text: when every label is a non-negative integer it indexes the class names (from
     * {@code classes}: a file with one name per line, or {@code fashion-mnist}; else the numbers themselves), otherwise
     * each distinct text is a class, in order of first appearance.
     */
    private static EmbedInput withLabels(float[][] rows, List<String> text, String classes, Shape imageShape) {
        if (text.size() != rows.length) {
            throw new InvalidInputException("there are " + text.size() + " labels for " + rows.length + " rows: "
                    + "expected one label per row");
        }
        boolean indices = text.stream().allMatch(label -> label.matches("\\d{1,9}"));
        int[] labels = new int[rows.length];
        if (!indices) {
            Map<String, Integer> seen = new LinkedHashMap<>();
            for (int i = 0; i < labels.length; i++) {
                labels[i] = seen.computeIfAbsent(text.get(i), key -> seen.size());
            }
            return labelled(rows, labels, List.copyOf(seen.keySet()), imageShape);
        }
        int max = 0;
        for (int i = 0; i < labels.length; i++) {
            labels[i] = Integer.parseInt(text.get(i));
            max = Math.max(max, labels[i]);
        }
        List<String> names = classNames(classes, max + 1);
        return labelled(rows, labels, names, imageShape);
    }

    private static List<String> classNames(String classes, int needed) {
        List<String> names;
        if (classes == null) {
            names = IntStream.range(0, needed).mapToObj(Integer::toString).toList();
        } else if (classes.equalsIgnoreCase("fashion-mnist")) {
            names = FashionMnist.CLASS_NAMES;
        } else {
            try {
                names = Files.readAllLines(Path.of(classes)).stream().map(String::strip)
                        .filter(line -> !line.isEmpty()).toList();
            } catch (IOException e) {
                throw new InvalidInputException("cannot read class names from " + classes + ": " + e.getMessage(), e);
            }
        }
        if (names.size() < needed) {
            throw new InvalidInputException("the labels go up to " + (needed - 1) + " but there are only "
                    + names.size() + " class names");
        }
        return names;
    }

    private static EmbedInput labelled(float[][] rows, int[] labels, List<String> names, Shape imageShape) {
        return new EmbedInput(rows, labels, names, imageShape, IntStream.range(0, rows.length).toArray());
    }

    /** Grey or RGB images: H×W, 1×H×W or 3×H×W. */
    private static boolean isImage(Shape shape) {
        return shape.rank() == 2 || (shape.rank() == 3 && (shape.dim(0) == 1 || shape.dim(0) == 3));
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }

    /** At most {@code count} rows, drawn without replacement from {@code seed}, in their original order. */
    public EmbedInput sample(int count, long seed) {
        if (count >= rows.length) {
            return this;
        }
        int[] order = IntStream.range(0, rows.length).toArray();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(rows.length - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] chosen = Arrays.copyOf(order, count);
        Arrays.sort(chosen);
        float[][] sampledRows = new float[count][];
        int[] sampledLabels = labels == null ? null : new int[count];
        int[] sampledIndices = new int[count];
        for (int k = 0; k < count; k++) {
            sampledRows[k] = rows[chosen[k]];
            sampledIndices[k] = indices[chosen[k]];
            if (labels != null) {
                sampledLabels[k] = labels[chosen[k]];
            }
        }
        return new EmbedInput(sampledRows, sampledLabels, classNames, imageShape, sampledIndices);
    }
}
