package dev.glassbox.core.input;

import dev.glassbox.core.model.Shape;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes float32 arrays as NumPy {@code .npy} files (format version 1.0, little-endian {@code <f4}, C order), the
 * header padded with spaces to a multiple of 64 bytes as NumPy writes it; {@link NpyReader} and {@code numpy.load}
 * read them back.
 */
public final class NpyWriter {
    private NpyWriter() {
    }

    /** The bytes of a {@code .npy} file holding {@code values} with the given shape. */
    public static byte[] toBytes(float[] values, Shape shape) {
        if (values.length != shape.size()) {
            throw new IllegalArgumentException("cannot write " + values.length + " values as an array of shape " + shape);
        }
        StringBuilder dims = new StringBuilder("(");
        for (int i = 0; i < shape.rank(); i++) {
            dims.append(shape.dim(i)).append(shape.rank() == 1 ? "," : i + 1 < shape.rank() ? ", " : "");
        }
        dims.append(')');
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': " + dims + ", }";
        int unpadded = 10 + dict.length() + 1;
        int padding = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(padding) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream(10 + header.length() + 4 * values.length);
        out.write(0x93);
        out.writeBytes("NUMPY".getBytes(StandardCharsets.US_ASCII));
        out.write(1);
        out.write(0);
        out.write(header.length() & 0xff);
        out.write(header.length() >>> 8);
        out.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
        ByteBuffer data = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        data.asFloatBuffer().put(values);
        out.writeBytes(data.array());
        return out.toByteArray();
    }

    /** Writes {@code values} with the given shape to {@code file}. */
    public static void write(float[] values, Shape shape, Path file) throws IOException {
        Files.write(file, toBytes(values, shape));
    }
}
