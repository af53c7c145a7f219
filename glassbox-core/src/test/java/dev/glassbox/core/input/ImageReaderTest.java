package dev.glassbox.core.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.model.Shape;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageReaderTest {
    private static final float EPS = 1e-6f;

    @TempDir
    Path dir;

    @Test
    void readsGreyPngAsOneChannelInUnitRange() throws IOException {
        Path file = write("grey.png", "png", grey8(new int[][] {{0, 51, 255}, {128, 17, 204}}));

        Sample sample = ImageReader.read(file, ImageOptions.defaults());

        assertThat(sample.name()).isEqualTo("grey.png");
        assertThat(sample.shape()).isEqualTo(Shape.of(1, 2, 3));
        assertThat(sample.values()).containsExactly(new float[] {0f, 0.2f, 1f, 128 / 255f, 17 / 255f, 0.8f}, within(EPS));
    }

    @Test
    void readsRgbPngChannelsFirst() throws IOException {
        BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, rgb(255, 51, 0));
        image.setRGB(1, 0, rgb(0, 102, 204));
        Path file = write("rgb.png", "png", image);

        Sample sample = ImageReader.read(file, ImageOptions.defaults());

        assertThat(sample.shape()).isEqualTo(Shape.of(3, 1, 2));
        // red plane, green plane, blue plane
        assertThat(sample.values()).containsExactly(new float[] {1f, 0f, 0.2f, 0.4f, 0f, 0.8f}, within(EPS));
    }

    @Test
    void greyOptionConvertsColourToLuminance() throws IOException {
        BufferedImage image = new BufferedImage(4, 1, BufferedImage.TYPE_3BYTE_BGR);
        image.setRGB(0, 0, rgb(255, 0, 0));
        image.setRGB(1, 0, rgb(0, 255, 0));
        image.setRGB(2, 0, rgb(51, 102, 153));
        image.setRGB(3, 0, rgb(255, 255, 255));
        Path file = write("colour.png", "png", image);

        Sample sample = ImageReader.read(file, ImageOptions.of(Channels.GREY));

        assertThat(sample.shape()).isEqualTo(Shape.of(1, 1, 4));
        float mixed = (0.299f * 51 + 0.587f * 102 + 0.114f * 153) / 255f;
        assertThat(sample.values()).containsExactly(new float[] {0.299f, 0.587f, mixed, 1f}, within(1e-5f));
    }

    @Test
    void rgbOptionRepeatsAGreyChannel() throws IOException {
        Path file = write("grey.png", "png", grey8(new int[][] {{51, 255}}));

        Sample sample = ImageReader.read(file, ImageOptions.of(Channels.RGB));

        assertThat(sample.shape()).isEqualTo(Shape.of(3, 1, 2));
        assertThat(sample.values()).containsExactly(new float[] {0.2f, 1f, 0.2f, 1f, 0.2f, 1f}, within(EPS));
    }

    @Test
    void dropsAlphaFromColourImages() throws IOException {
        BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, (0 << 24) | rgb(51, 102, 153));
        image.setRGB(1, 0, (128 << 24) | rgb(255, 0, 51));
        Path file = write("alpha.png", "png", image);

        Sample sample = ImageReader.read(file, ImageOptions.defaults());

        assertThat(sample.shape()).isEqualTo(Shape.of(3, 1, 2));
        assertThat(sample.values()).containsExactly(new float[] {0.2f, 1f, 0.4f, 0f, 0.6f, 0.2f}, within(EPS));
    }

    @Test
    void dropsAlphaFromGreyImages() throws IOException {
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), true, false,
                Transparency.TRANSLUCENT, DataBuffer.TYPE_BYTE);
        WritableRaster raster = model.createCompatibleWritableRaster(2, 1);
        raster.setPixel(0, 0, new int[] {51, 0});
        raster.setPixel(1, 0, new int[] {255, 200});
        Path file = write("grey-alpha.png", "png", new BufferedImage(model, raster, false, null));

        Sample sample = ImageReader.read(file, ImageOptions.defaults());

        assertThat(sample.shape()).isEqualTo(Shape.of(1, 1, 2));
        assertThat(sample.values()).containsExactly(new float[] {0.2f, 1f}, within(EPS));
    }

    @Test
    void reads16BitGreyPngs() throws IOException {
        BufferedImage image = new BufferedImage(3, 1, BufferedImage.TYPE_USHORT_GRAY);
        image.getRaster().setSample(0, 0, 0, 65535);
        image.getRaster().setSample(1, 0, 0, 13107);
        image.getRaster().setSample(2, 0, 0, 257);
        Path file = write("deep.png", "png", image);

        Sample sample = ImageReader.read(file, ImageOptions.defaults());

        assertThat(sample.shape()).isEqualTo(Shape.of(1, 1, 3));
        assertThat(sample.values()).containsExactly(new float[] {1f, 0.2f, 1 / 255f}, within(EPS));
    }

    @Test
    void readsColourPalettePngsThroughThePalette() throws IOException {
        byte[] r = {0, (byte) 255, 51};
        byte[] g = {0, 0, 102};
        byte[] b = {0, 0, (byte) 153};
        BufferedImage image = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(8, 3, r, g, b));
        image.getRaster().setSamples(0, 0, 3, 1, 0, new int[] {2, 1, 0});
        Path file = write("palette.png", "png", image);

        Sample sample = ImageReader.read(file, ImageOptions.defaults());

        assertThat(sample.shape()).isEqualTo(Shape.of(3, 1, 3));
        assertThat(sample.values()).containsExactly(new float[] {0.2f, 1f, 0f, 0.4f, 0f, 0f, 0.6f, 0f, 0f}, within(EPS));
    }

    @Test
    void readsGreyPalettePngsAsOneChannel() throws IOException {
        byte[] levels = {0, 51, (byte) 255};
        BufferedImage image = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_INDEXED,
                new IndexColorModel(8, 3, levels, levels, levels));
        image.getRaster().setSamples(0, 0, 3, 1, 0, new int[] {2, 1, 0});
        Path file = write("grey-palette.png", "png", image);

        Sample sample = ImageReader.read(file, ImageOptions.defaults());

        assertThat(sample.shape()).isEqualTo(Shape.of(1, 1, 3));
        assertThat(sample.values()).containsExactly(new float[] {1f, 0.2f, 0f}, within(EPS));
    }

    @Test
    void readsJpegsApproximately() throws IOException {
        BufferedImage grey = grey8(new int[8][8]);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                grey.getRaster().setSample(x, y, 0, 128);
            }
        }
        BufferedImage colour = new BufferedImage(8, 8, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                colour.setRGB(x, y, rgb(200, 100, 50));
            }
        }

        Sample greySample = ImageReader.read(write("grey.jpg", "jpeg", grey), ImageOptions.defaults());
        Sample colourSample = ImageReader.read(write("colour.jpeg", "jpeg", colour), ImageOptions.defaults());

        assertThat(greySample.shape()).isEqualTo(Shape.of(1, 8, 8));
        float[] expectedGrey = new float[64];
        Arrays.fill(expectedGrey, 128 / 255f);
        assertThat(greySample.values()).containsExactly(expectedGrey, within(3 / 255f));
        assertThat(colourSample.shape()).isEqualTo(Shape.of(3, 8, 8));
        assertThat(colourSample.values()[0]).isCloseTo(200 / 255f, within(6 / 255f));
        assertThat(colourSample.values()[64]).isCloseTo(100 / 255f, within(6 / 255f));
        assertThat(colourSample.values()[128]).isCloseTo(50 / 255f, within(6 / 255f));
    }

    @Test
    void normalisesWithOneMeanForAllChannels() throws IOException {
        Path file = write("grey.png", "png", grey8(new int[][] {{255, 51, 0}}));

        Sample sample = ImageReader.read(file, ImageOptions.of(Channels.AUTO).normalised(new float[] {0.5f},
                new float[] {0.5f}));

        assertThat(sample.values()).containsExactly(new float[] {1f, -0.6f, -1f}, within(EPS));
    }

    @Test
    void normalisesEachChannelWithItsOwnStatistics() throws IOException {
        BufferedImage image = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, rgb(255, 51, 0));
        Path file = write("rgb.png", "png", image);
        float[] mean = {0.485f, 0.456f, 0.406f};
        float[] std = {0.229f, 0.224f, 0.225f};

        Sample sample = ImageReader.read(file, ImageOptions.of(Channels.RGB).normalised(mean, std));

        assertThat(sample.values()).containsExactly(new float[] {(1f - 0.485f) / 0.229f, (0.2f - 0.456f) / 0.224f,
                (0f - 0.406f) / 0.225f}, within(1e-5f));
    }

    @Test
    void rejectsANormalisationThatDoesNotFitTheChannels() throws IOException {
        Path file = write("grey.png", "png", grey8(new int[][] {{1}}));
        ImageOptions options = ImageOptions.defaults().normalised(new float[] {0.1f, 0.2f}, new float[] {1f, 1f});

        assertThatThrownBy(() -> ImageReader.read(file, options))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("normalisation has 2 values per statistic but image grey.png has 1 channel: expected 1");
    }

    @Test
    void rejectsInvalidNormalisationOptions() {
        assertThatThrownBy(() -> new ImageOptions(Channels.AUTO, new float[] {0.5f}, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("both a mean and a std");
        assertThatThrownBy(() -> new ImageOptions(Channels.AUTO, new float[] {0.5f}, new float[] {0f}))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("std 0.0 is not a positive");
        assertThatThrownBy(() -> new ImageOptions(Channels.AUTO, new float[] {0.5f, 0.5f}, new float[] {1f}))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("2 mean values and 1 std values");
    }

    @Test
    void optionsAreImmutable() {
        float[] mean = {0.5f};
        ImageOptions options = ImageOptions.defaults().normalised(mean, new float[] {0.25f});
        mean[0] = 9f;
        options.mean()[0] = 7f;

        assertThat(options.mean()).containsExactly(0.5f);
        assertThat(options).isEqualTo(ImageOptions.defaults().normalised(new float[] {0.5f}, new float[] {0.25f}));
    }

    @Test
    void parsesChannelNames() {
        assertThat(Channels.parse("Gray")).isEqualTo(Channels.GREY);
        assertThat(Channels.parse("rgb")).isEqualTo(Channels.RGB);
        assertThat(Channels.parse(" auto ")).isEqualTo(Channels.AUTO);
        assertThatThrownBy(() -> Channels.parse("cmyk")).isInstanceOf(InvalidInputException.class)
                .hasMessage("cannot read channels 'cmyk': expected grey, rgb or auto");
    }

    @Test
    void rejectsFilesThatAreNotImages() throws IOException {
        Path file = Files.writeString(dir.resolve("foo.png"), "hello, not an image");

        assertThatThrownBy(() -> ImageReader.read(file, ImageOptions.defaults()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("cannot read image foo.png: not a PNG or JPEG file");
    }

    @Test
    void rejectsTruncatedImages() throws IOException {
        int[][] noise = new int[32][32];
        Random random = new Random(7);
        for (int[] row : noise) {
            Arrays.setAll(row, x -> random.nextInt(256));
        }
        byte[] bytes = Files.readAllBytes(write("whole.png", "png", grey8(noise)));
        Path file = Files.write(dir.resolve("cut.png"), Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> ImageReader.read(file, ImageOptions.defaults()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("cannot read image cut.png: the file is damaged or truncated");
    }

    @Test
    void rejectsMissingFiles() {
        Path file = dir.resolve("foo.png");

        assertThatThrownBy(() -> ImageReader.read(file, ImageOptions.defaults()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("input file not found: " + file);
    }

    static int rgb(int r, int g, int b) {
        return (r << 16) | (g << 8) | b;
    }

    static BufferedImage grey8(int[][] pixels) {
        BufferedImage image = new BufferedImage(pixels[0].length, pixels.length, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < pixels.length; y++) {
            for (int x = 0; x < pixels[0].length; x++) {
                image.getRaster().setSample(x, y, 0, pixels[y][x]);
            }
        }
        return image;
    }

    private Path write(String name, String format, BufferedImage image) throws IOException {
        Path file = dir.resolve(name);
        assertThat(ImageIO.write(image, format, file.toFile())).as("ImageIO can write " + format).isTrue();
        return file;
    }
}
