package dev.glassbox.core.input;

import dev.glassbox.core.InvalidInputException;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files, the format of MNIST and Fashion-MNIST: an image file (magic number {@code 0x00000803}, unsigned
 * bytes, N×rows×cols) and a label file ({@code 0x00000801}, N unsigned bytes). Either may be gzip-compressed; that is
 * recognised from the content.
 */
public final class IdxReader {
    static final int IMAGES_MAGIC = 0x00000803;
    static final int LABELS_MAGIC = 0x00000801;
    private static final int GZIP_MAGIC = 0x1f8b;

    private IdxReader() {
    }

    /** Reads matching image and label files, throwing {@link InvalidInputException} when either is missing or damaged. */
    public static LabelledImages read(Path images, Path labels) {
        Idx imageFile = readIdx(images, IMAGES_MAGIC, "an image");
        int[] labelValues = labels(labels);
        int count = imageFile.dims[0];
        if (labelValues.length != count) {
            throw new InvalidInputException("IDX files " + InputPaths.name(images) + " and " + InputPaths.name(labels)
                    + " do not match: " + count + " images but " + labelValues.length + " labels");
        }
        return new LabelledImages(count, imageFile.dims[1], imageFile.dims[2], imageFile.data, labelValues);
    }

    /** The images of an IDX image file alone, as 1×rows×cols samples in [0, 1] named {@code file#i}. */
    public static List<Sample> images(Path images) {
        Idx file = readIdx(images, IMAGES_MAGIC, "an image");
        LabelledImages data = new LabelledImages(file.dims[0], file.dims[1], file.dims[2], file.data, new int[file.dims[0]]);
        List<Sample> samples = new ArrayList<>(data.count());
        for (int i = 0; i < data.count(); i++) {
            samples.add(data.sample(i, InputPaths.name(images) + "#" + i));
        }
        return samples;
    }

    /** The labels of an IDX label file. */
    public static int[] labels(Path labels) {
        Idx file = readIdx(labels, LABELS_MAGIC, "a label");
        int[] out = new int[file.dims[0]];
        for (int i = 0; i < out.length; i++) {
            out[i] = file.data[i] & 0xff;
        }
        return out;
    }

    /** The dimensions and unsigned-byte data of one IDX file. */
    private record Idx(int[] dims, byte[] data) {
    }

    private static Idx readIdx(Path file, int magic, String kind) {
        InputPaths.requireFile(file);
        String name = InputPaths.name(file);
        try (DataInputStream in = new DataInputStream(open(file))) {
            int found = in.readInt();
            if (found != magic) {
                throw new InvalidInputException(String.format("IDX file %s is not %s file: its magic number is 0x%08x, "
                        + "expected 0x%08x", name, kind, found, magic));
            }
            int[] dims = new int[magic & 0xff];
            long size = 1;
            for (int d = 0; d < dims.length; d++) {
                dims[d] = in.readInt();
                size *= dims[d];
                if (dims[d] < 0 || (d > 0 && dims[d] == 0) || size > Integer.MAX_VALUE - 8) {
                    throw new InvalidInputException("IDX file " + name + " has invalid dimensions: dimension " + d
                            + " is " + Integer.toUnsignedString(dims[d]));
                }
            }
            byte[] data = in.readNBytes((int) size);
            if (data.length < size) {
                throw new InvalidInputException("IDX file " + name + " is truncated: expected " + size
                        + " bytes of data but found " + data.length);
            }
            if (in.read() != -1) {
                throw new InvalidInputException("IDX file " + name + " has bytes after its data: expected exactly "
                        + size + " bytes for its dimensions");
            }
            return new Idx(dims, data);
        } catch (EOFException e) {
            throw new InvalidInputException("IDX file " + name + " is truncated: it ends inside its header or gzip data", e);
        } catch (ZipException e) {
            throw new InvalidInputException("IDX file " + name + " has damaged gzip data (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read IDX file " + name + ": " + e.getMessage(), e);
        }
    }

    /** The file's content, decompressed when it starts with the gzip magic number. */
    private static InputStream open(Path file) throws IOException {
        BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        if (((first << 8) | second) == GZIP_MAGIC) {
            return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
        }
        return in;
    }
}
