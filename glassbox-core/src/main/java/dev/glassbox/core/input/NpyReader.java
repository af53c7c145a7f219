package dev.glassbox.core.input;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.model.Batches;
import dev.glassbox.core.model.Shape;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads NumPy {@code .npy} files (format versions 1, 2 and 3) holding one C-ordered array of float32, float64, bool or
 * a signed or unsigned integer type, in either byte order. Values are converted to float; NaN and infinities are
 * rejected.
 */
public final class NpyReader {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int MAX_HEADER_LENGTH = 1 << 20;
    private static final int CHUNK_ITEMS = 1 << 14;

    private NpyReader() {
    }

    /** Reads the array in {@code file}, throwing {@link InvalidInputException} when it is missing or unusable. */
    public static NdArrayData read(Path file) {
        InputPaths.requireFile(file);
        String name = InputPaths.name(file);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return read(in, Files.size(file), name);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads the samples in {@code file} for a model whose samples have shape {@code expected} (null: the whole array is
     * one sample); see {@link NdArrayData#samples}.
     */
    public static List<Sample> samples(Path file, Shape expected) {
        return read(file).samples(InputPaths.name(file), expected);
    }

    private static NdArrayData read(InputStream in, long fileSize, String name) throws IOException {
        if (!Arrays.equals(in.readNBytes(MAGIC.length), MAGIC)) {
            throw new InvalidInputException("input " + name + " is not a NumPy .npy file: it does not start with \\x93NUMPY");
        }
        byte[] version = in.readNBytes(2);
        if (version.length < 2) {
            throw truncated(name);
        }
        int major = version[0];
        if (major < 1 || major > 3) {
            throw new InvalidInputException("input " + name + " has .npy format version " + major + "." + version[1]
                    + ", which is not supported: expected 1.0, 2.0 or 3.0");
        }
        int lengthBytes = major == 1 ? 2 : 4;
        byte[] lengthField = in.readNBytes(lengthBytes);
        if (lengthField.length < lengthBytes) {
            throw truncated(name);
        }
        ByteBuffer lengthBuffer = ByteBuffer.wrap(lengthField).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength = major == 1 ? lengthBuffer.getShort() & 0xffff : lengthBuffer.getInt() & 0xffffffffL;
        if (headerLength > MAX_HEADER_LENGTH) {
            throw new InvalidInputException("input " + name + " has a damaged .npy header: it claims " + headerLength
                    + " bytes");
        }
        byte[] headerBytes = in.readNBytes((int) headerLength);
        if (headerBytes.length < headerLength) {
            throw truncated(name);
        }
        String headerText = new String(headerBytes, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        NpyHeader header = NpyHeader.parse(headerText, name);
        if (header.fortranOrder()) {
            throw new InvalidInputException("input " + name + " is in Fortran order; save it with C order "
                    + "(numpy.ascontiguousarray) and try again");
        }
        Dtype dtype = Dtype.parse(header.descr(), name);
        Shape shape = shape(header.shape(), name);
        int count = shape.size();
        long dataStart = MAGIC.length + 2L + lengthBytes + headerLength;
        long dataBytes = (long) count * dtype.size;
        if (fileSize - dataStart < dataBytes) {
            throw new InvalidInputException("input " + name + " is truncated: its header describes " + count
                    + " values of " + dtype.size + " bytes (" + dataBytes + " bytes) but only "
                    + Math.max(0, fileSize - dataStart) + " bytes follow");
        }
        if (fileSize - dataStart > dataBytes) {
            throw new InvalidInputException("input " + name + " has " + (fileSize - dataStart - dataBytes)
                    + " bytes after its array: expected a single array saved with numpy.save");
        }
        float[] values = new float[count];
        byte[] chunk = new byte[CHUNK_ITEMS * dtype.size];
        for (int done = 0; done < count; ) {
            int items = Math.min(CHUNK_ITEMS, count - done);
            int read = in.readNBytes(chunk, 0, items * dtype.size);
            if (read < items * dtype.size) {
                throw truncated(name);
            }
            dtype.decode(ByteBuffer.wrap(chunk, 0, read).order(dtype.order), values, done, items);
            done += items;
        }
        Batches.requireFinite(values, "input " + name);
        return new NdArrayData(shape, values);
    }

    private static Shape shape(long[] dims, String name) {
        if (dims.length == 0) {
            throw new InvalidInputException("input " + name + " holds a single number: expected an array");
        }
        long count = 1;
        for (long d : dims) {
            count *= d;
            if (d == 0) {
                throw new InvalidInputException("input " + name + " is empty (shape "
                        + Arrays.stream(dims).mapToObj(Long::toString).collect(Collectors.joining("×"))
                        + "): expected at least one value");
            }
            if (d > Integer.MAX_VALUE || count > Integer.MAX_VALUE) {
                throw new InvalidInputException("input " + name + " holds more than " + Integer.MAX_VALUE
                        + " values, which is too many to read");
            }
        }
        return Shape.of(Arrays.stream(dims).mapToInt(d -> (int) d).toArray());
    }

    private static InvalidInputException truncated(String name) {
        return new InvalidInputException("input " + name + " is truncated: the file ends inside the .npy header or data");
    }

    /** An element type from a NumPy type string such as {@code <f4}: its kind, size in bytes and byte order. */
    private record Dtype(char kind, int size, ByteOrder order) {

        static Dtype parse(String descr, String name) {
            if (descr.length() >= 3 && "<>|=".indexOf(descr.charAt(0)) >= 0) {
                char kind = descr.charAt(1);
                String bytes = descr.substring(2);
                ByteOrder order = switch (descr.charAt(0)) {
                    case '>' -> ByteOrder.BIG_ENDIAN;
                    case '=' -> ByteOrder.nativeOrder();
                    default -> ByteOrder.LITTLE_ENDIAN;
                };
                boolean supported = switch (kind) {
                    case 'f' -> bytes.equals("4") || bytes.equals("8");
                    case 'i', 'u' -> bytes.equals("1") || bytes.equals("2") || bytes.equals("4") || bytes.equals("8");
                    case 'b' -> bytes.equals("1");
                    default -> false;
                };
                if (supported) {
                    return new Dtype(kind, Integer.parseInt(bytes), order);
                }
            }
            throw new InvalidInputException("input " + name + " has dtype '" + descr + "', which is not supported: "
                    + "expected float32, float64, bool or an integer type");
        }

        /** Converts {@code count} elements from {@code in} into {@code out} starting at {@code offset}. */
        void decode(ByteBuffer in, float[] out, int offset, int count) {
            int end = offset + count;
            switch (kind) {
                case 'f' -> {
                    for (int i = offset; i < end; i++) {
                        out[i] = size == 4 ? in.getFloat() : (float) in.getDouble();
                    }
                }
                case 'b' -> {
                    for (int i = offset; i < end; i++) {
                        out[i] = in.get() != 0 ? 1f : 0f;
                    }
                }
                default -> {
                    for (int i = offset; i < end; i++) {
                        out[i] = integer(in);
                    }
                }
            }
        }

        private float integer(ByteBuffer in) {
            boolean unsigned = kind == 'u';
            return switch (size) {
                case 1 -> unsigned ? in.get() & 0xff : in.get();
                case 2 -> unsigned ? in.getShort() & 0xffff : in.getShort();
                case 4 -> unsigned ? in.getInt() & 0xffffffffL : in.getInt();
                default -> {
                    long v = in.getLong();
                    yield unsigned && v < 0 ? (float) (v >>> 1) * 2f : v;
                }
            };
        }
    }
}
