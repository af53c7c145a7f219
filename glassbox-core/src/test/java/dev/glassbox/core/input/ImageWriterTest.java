package dev.glassbox.core.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.model.Shape;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageWriterTest {

    @Test
    void writesGreyPngsWithRoundedClampedPixels() throws IOException {
        float[] values = {0f, 0.2f, 1f, 1.5f, -0.3f, Float.NaN};

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(ImageWriter.toPng(values, Shape.of(1, 2, 3))));

        assertThat(image.getWidth()).isEqualTo(3);
        assertThat(image.getHeight()).isEqualTo(2);
        assertThat(image.getRaster().getNumBands()).isEqualTo(1);
        assertThat(image.getRaster().getSamples(0, 0, 3, 2, 0, (int[]) null)).containsExactly(0, 51, 255, 255, 0, 0);
    }

    @Test
    void writesRgbPngsFromChannelsFirstValues() throws IOException {
        float[] values = {1f, 0f, 0.2f, 0.4f, 0f, 0.8f};

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(ImageWriter.toPng(values, Shape.of(3, 1, 2))));

        assertThat(image.getRGB(0, 0) & 0xffffff).isEqualTo(ImageReaderTest.rgb(255, 51, 0));
        assertThat(image.getRGB(1, 0) & 0xffffff).isEqualTo(ImageReaderTest.rgb(0, 102, 204));
    }

    @Test
    void writesFilesThatReadBackTheSame(@TempDir Path dir) throws IOException {
        float[] values = {0f, 0.2f, 0.4f, 0.6f, 0.8f, 1f};
        Path file = dir.resolve("thumb.png");

        ImageWriter.write(values, Shape.of(2, 3), file);

        Sample sample = ImageReader.read(file, ImageOptions.defaults());
        assertThat(sample.shape()).isEqualTo(Shape.of(1, 2, 3));
        assertThat(sample.values()).containsExactly(values, within(1e-6f));
        assertThat(Files.readAllBytes(file)).isEqualTo(ImageWriter.toPng(sample));
    }

    @Test
    void rejectsShapesThatAreNotImages() {
        assertThatThrownBy(() -> ImageWriter.toPng(new float[8], Shape.of(2, 2, 2)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("cannot write shape 2×2×2 as an image: expected 1×H×W, 3×H×W or H×W");
        assertThatThrownBy(() -> ImageWriter.toPng(new float[3], Shape.of(2, 2)))
                .isInstanceOf(InvalidInputException.class);
    }

    @Property(tries = 30)
    void greyPixelsRoundTripExactly(@ForAll @Size(12) byte[] pixels) {
        float[] values = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            values[i] = (pixels[i] & 0xff) / 255f;
        }
        Shape shape = Shape.of(1, 3, 4);

        BufferedImage image = ImageWriter.toImage(values, shape);
        Sample sample = ImageReader.read(image, "p", ImageOptions.defaults());

        assertThat(sample.values()).containsExactly(values);
    }
}
