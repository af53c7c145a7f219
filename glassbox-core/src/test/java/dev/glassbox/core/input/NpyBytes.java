package dev.glassbox.core.input;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Builds .npy files byte by byte as the NumPy format specification describes them, for tests. */
final class NpyBytes {
    private NpyBytes() {
    }

    /** A version 1.0 C-ordered file. */
    static byte[] npy(String descr, int[] shape, byte[] data) {
        return npy(1, descr, false, shape, data);
    }

    /**
     * A file of the given format version: magic, version, little-endian header length (2 bytes in version 1, else
     * 4), then the header dict padded with spaces and ending in a newline so that the data starts at a multiple of 64.
     */
    static byte[] npy(int major, String descr, boolean fortranOrder, int[] shape, byte[] data) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': " + (fortranOrder ? "True" : "False")
                + ", 'shape': " + tuple(shape) + ", }";
        int prefix = 6 + 2 + (major == 1 ? 2 : 4);
        int total = prefix + dict.length() + 1;
        String header = dict + " ".repeat((64 - total % 64) % 64) + "\n";
        byte[] headerBytes = header.getBytes(major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        ByteBuffer length = ByteBuffer.allocate(major == 1 ? 2 : 4).order(ByteOrder.LITTLE_ENDIAN);
        if (major == 1) {
            length.putShort((short) headerBytes.length);
        } else {
            length.putInt(headerBytes.length);
        }
        out.writeBytes(length.array());
        out.writeBytes(headerBytes);
        out.writeBytes(data);
        return out.toByteArray();
    }

    /** Python's tuple syntax: {@code ()}, {@code (5,)}, {@code (2, 3)}. */
    static String tuple(int[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        return Arrays.stream(shape).mapToObj(Integer::toString).collect(Collectors.joining(", ", "(", ")"));
    }

    static byte[] float32(ByteOrder order, float... values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 4).order(order);
        for (float v : values) {
            buffer.putFloat(v);
        }
        return buffer.array();
    }

    static byte[] float32(float... values) {
        return float32(ByteOrder.LITTLE_ENDIAN, values);
    }

    static byte[] float64(ByteOrder order, double... values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 8).order(order);
        for (double v : values) {
            buffer.putDouble(v);
        }
        return buffer.array();
    }

    static byte[] int32(ByteOrder order, int... values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 4).order(order);
        for (int v : values) {
            buffer.putInt(v);
        }
        return buffer.array();
    }

    static byte[] int64(ByteOrder order, long... values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 8).order(order);
        for (long v : values) {
            buffer.putLong(v);
        }
        return buffer.array();
    }

    static byte[] int16(ByteOrder order, int... values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 2).order(order);
        for (int v : values) {
            buffer.putShort((short) v);
        }
        return buffer.array();
    }
}
