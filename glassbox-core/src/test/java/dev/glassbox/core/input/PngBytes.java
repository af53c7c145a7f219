package dev.glassbox.core.input;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;

/**
 * Builds PNG files chunk by chunk as the PNG specification describes them, for bit depths and colour types that
 * ImageIO's writer does not produce. Every row uses filter type 0 (none).
 */
final class PngBytes {
    static final int GREY = 0;
    static final int RGB = 2;
    static final int PALETTE = 3;
    static final int GREY_ALPHA = 4;
    static final int RGB_ALPHA = 6;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private PngBytes(int width, int height, int bitDepth, int colourType) {
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk("IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) bitDepth).put((byte) colourType)
                .put((byte) 0).put((byte) 0).put((byte) 0).array());
    }

    /** Starts a PNG with the given header. */
    static PngBytes header(int width, int height, int bitDepth, int colourType) {
        return new PngBytes(width, height, bitDepth, colourType);
    }

    /** Adds a chunk such as {@code PLTE} or {@code tRNS}. */
    PngBytes chunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        return this;
    }

    /** Adds the image data, one array of packed samples per row, and the end chunk. */
    byte[] rows(byte[]... rows) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(compressed)) {
            for (byte[] row : rows) {
                deflate.write(0);
                deflate.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        chunk("IDAT", compressed.toByteArray());
        chunk("IEND", new byte[0]);
        return out.toByteArray();
    }

    /** Big-endian 16-bit samples. */
    static byte[] shorts(int... samples) {
        ByteBuffer buffer = ByteBuffer.allocate(samples.length * 2);
        for (int s : samples) {
            buffer.putShort((short) s);
        }
        return buffer.array();
    }

    static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }
}
