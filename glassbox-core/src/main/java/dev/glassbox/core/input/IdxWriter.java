package dev.glassbox.core.input;

import dev.glassbox.core.InvalidInputException;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Writes labelled images as an IDX image file and an IDX label file, readable by {@link IdxReader} and by the usual
 * MNIST loaders. A file whose name ends in {@code .gz} is gzip-compressed.
 */
public final class IdxWriter {
    private IdxWriter() {
    }

    /** Writes the images to {@code images} and the labels to {@code labels}. Labels must lie in 0..255. */
    public static void write(LabelledImages data, Path images, Path labels) throws IOException {
        int[] labelValues = data.labels();
        byte[] labelBytes = new byte[labelValues.length];
        for (int i = 0; i < labelValues.length; i++) {
            if (labelValues[i] < 0 || labelValues[i] > 255) {
                throw new InvalidInputException("label " + labelValues[i] + " of image " + i
                        + " does not fit an IDX label file: expected 0..255");
            }
            labelBytes[i] = (byte) labelValues[i];
        }
        writeIdx(images, IdxReader.IMAGES_MAGIC, new int[] {data.count(), data.rows(), data.cols()}, data.pixels());
        writeIdx(labels, IdxReader.LABELS_MAGIC, new int[] {data.count()}, labelBytes);
    }

    private static void writeIdx(Path file, int magic, int[] dims, byte[] data) throws IOException {
        OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        if (InputPaths.name(file).endsWith(".gz")) {
            raw = new GZIPOutputStream(raw, 1 << 16);
        }
        try (DataOutputStream out = new DataOutputStream(raw)) {
            out.writeInt(magic);
            for (int d : dims) {
                out.writeInt(d);
            }
            out.write(data);
        }
    }
}
