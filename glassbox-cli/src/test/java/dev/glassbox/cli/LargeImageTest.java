package dev.glassbox.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Images too large to decode, or to learn a model's shape from, are refused before they cost memory. */
class LargeImageTest {
    /** A black 1-bit grey PNG of the given size: a few kilobytes whatever it declares. */
    static byte[] blackPng(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 1).put((byte) 0)
                .put((byte) 0).put((byte) 0).put((byte) 0).array());
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] row = new byte[1 + (width + 7) / 8];
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(compressed)) {
            for (int y = 0; y < height; y++) {
                deflate.write(row);
            }
        }
        chunk(out, "IDAT", compressed.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    @Test
    void aTinyPngDeclaringTwentyThousandPixelsASideIsRefusedFromItsHeader(@TempDir Path dir) throws IOException {
        Path bomb = Files.write(dir.resolve("bomb.png"), blackPng(20_000, 20_000));
        assertThat(Files.size(bomb)).isLessThan(1 << 20);
        for (String model : new String[] {"cnn.onnx", "cnn.pt"}) {
            Cli result = Cli.run("predict", "--model", Cli.fixture(model).toString(), "--input", bomb.toString());
            assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
            assertThat(result.err()).contains("bomb.png is 20,000 × 20,000 pixels", "at most 50 megapixels");
            assertThat(result.err().strip().lines()).hasSize(1);
        }
        Path out = dir.resolve("out");
        Cli explain = Cli.run("explain", "--model", Cli.fixture("cnn.onnx").toString(), "--input", bomb.toString(),
                "--method", "occlusion", "--out", out.toString());
        assertThat(explain.exitCode()).isEqualTo(2);
        assertThat(out).doesNotExist();
    }

    @Test
    void aLargeFirstInputCannotTeachAShapelessModelItsShape(@TempDir Path dir) throws IOException {
        Path large = Files.write(dir.resolve("large.png"), blackPng(2_000, 2_000));
        Cli result = Cli.run("predict", "--model", Cli.fixture("cnn.pt").toString(), "--input", large.toString());
        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.err()).contains("large.png has shape 1×2000×2000", "pass --input-shape");
        assertThat(result.err().strip().lines()).hasSize(1);
        Cli shaped = Cli.run("predict", "--model", Cli.fixture("cnn.pt").toString(), "--input-shape", "1,28,28",
                "--input", large.toString());
        assertThat(shaped.exitCode()).isEqualTo(2);
        assertThat(shaped.err()).contains("2000×2000 image (width × height) but the model expects shape 1×28×28");
    }
}
