package dev.glassbox.core.input;

import static dev.glassbox.core.input.PngBytes.bytes;
import static dev.glassbox.core.input.PngBytes.shorts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.glassbox.core.model.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PNG bit depths and colour types built byte by byte, read back with known values. */
class PngVariantsTest {
    private static final float EPS = 1e-6f;

    @TempDir
    Path dir;

    @Test
    void oneBitGrey() throws IOException {
        Sample sample = read("g1.png", PngBytes.header(8, 1, 1, PngBytes.GREY).rows(bytes(0b10100001)));

        assertThat(sample.shape()).isEqualTo(Shape.of(1, 1, 8));
        assertThat(sample.values()).containsExactly(1f, 0f, 1f, 0f, 0f, 0f, 0f, 1f);
    }

    @Test
    void twoBitGrey() throws IOException {
        Sample sample = read("g2.png", PngBytes.header(4, 1, 2, PngBytes.GREY).rows(bytes(0b11100100)));

        assertThat(sample.values()).containsExactly(new float[] {1f, 2 / 3f, 1 / 3f, 0f}, within(EPS));
    }

    @Test
    void fourBitPaletteWithTransparency() throws IOException {
        byte[] png = PngBytes.header(2, 1, 4, PngBytes.PALETTE)
                .chunk("PLTE", bytes(255, 0, 0, 51, 102, 153))
                .chunk("tRNS", bytes(0, 255))
                .rows(bytes(0x10));

        Sample sample = read("p4.png", png);

        assertThat(sample.shape()).isEqualTo(Shape.of(3, 1, 2));
        assertThat(sample.values()).containsExactly(new float[] {0.2f, 1f, 0.4f, 0f, 0.6f, 0f}, within(EPS));
    }

    @Test
    void sixteenBitRgb() throws IOException {
        Sample sample = read("rgb16.png", PngBytes.header(1, 1, 16, PngBytes.RGB).rows(shorts(65535, 13107, 0)));

        assertThat(sample.shape()).isEqualTo(Shape.of(3, 1, 1));
        assertThat(sample.values()).containsExactly(new float[] {1f, 0.2f, 0f}, within(EPS));
    }

    @Test
    void sixteenBitGreyAndRgbWithAlpha() throws IOException {
        Sample grey = read("ga16.png", PngBytes.header(2, 1, 16, PngBytes.GREY_ALPHA)
                .rows(shorts(13107, 0, 65535, 65535)));
        Sample rgb = read("rgba16.png", PngBytes.header(1, 1, 16, PngBytes.RGB_ALPHA)
                .rows(shorts(0, 13107, 65535, 0)));

        assertThat(grey.shape()).isEqualTo(Shape.of(1, 1, 2));
        assertThat(grey.values()).containsExactly(new float[] {0.2f, 1f}, within(EPS));
        assertThat(rgb.shape()).isEqualTo(Shape.of(3, 1, 1));
        assertThat(rgb.values()).containsExactly(new float[] {0f, 0.2f, 1f}, within(EPS));
    }

    private Sample read(String name, byte[] png) throws IOException {
        return ImageReader.read(Files.write(dir.resolve(name), png), ImageOptions.defaults());
    }
}
