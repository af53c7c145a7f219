package dev.glassbox.core.input;

import static dev.glassbox.core.input.NpyBytes.float32;
import static dev.glassbox.core.input.NpyBytes.npy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.model.Shape;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {
    @TempDir
    Path dir;

    @Test
    void readsImagesByExtensionIgnoringCase() throws IOException {
        Path png = writeImage("digit.PNG", "png", ImageReaderTest.grey8(new int[][] {{51, 255}}));
        Path jpg = writeImage("photo.jpg", "jpeg", ImageReaderTest.grey8(new int[8][8]));
        Path jpeg = writeImage("photo.jpeg", "jpeg", ImageReaderTest.grey8(new int[8][8]));

        List<Sample> samples = InputFiles.read(png, Shape.of(1, 1, 2), null);

        assertThat(samples).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("digit.PNG");
            assertThat(s.values()).containsExactly(new float[] {0.2f, 1f}, within(1e-6f));
        });
        assertThat(InputFiles.read(jpg, Shape.of(1, 8, 8), null)).hasSize(1);
        assertThat(InputFiles.read(jpeg, null, ImageOptions.of(Channels.RGB)).get(0).shape())
                .isEqualTo(Shape.of(3, 8, 8));
    }

    @Test
    void appliesImageOptions() throws IOException {
        Path png = writeImage("digit.png", "png", ImageReaderTest.grey8(new int[][] {{51, 255}}));
        ImageOptions options = ImageOptions.of(Channels.GREY).normalised(new float[] {0.5f}, new float[] {0.5f});

        assertThat(InputFiles.read(png, Shape.of(1, 1, 2), options).get(0).values())
                .containsExactly(new float[] {-0.6f, 1f}, within(1e-6f));
    }

    @Test
    void readsNpyBatches() throws IOException {
        Path file = Files.write(dir.resolve("batch.npy"), npy("<f4", new int[] {2, 1, 2}, float32(1, 2, 3, 4)));

        List<Sample> samples = InputFiles.read(file, Shape.of(1, 2), null);

        assertThat(samples).extracting(Sample::name).containsExactly("batch.npy#0", "batch.npy#1");
        assertThat(samples.get(1).values()).containsExactly(3f, 4f);
    }

    @Test
    void readsCsvRowsAndReshapesThemToTheModel() throws IOException {
        Path file = Files.writeString(dir.resolve("t.csv"), "a,b,c,d\n1,2,3,4\n5,6,7,8\n");

        List<Sample> flat = InputFiles.read(file, Shape.of(4), null);
        List<Sample> square = InputFiles.read(file, Shape.of(2, 2), null);

        assertThat(flat).extracting(Sample::name).containsExactly("t.csv#1", "t.csv#2");
        assertThat(square.get(1).shape()).isEqualTo(Shape.of(2, 2));
        assertThat(square.get(1).values()).containsExactly(5f, 6f, 7f, 8f);
        assertThatThrownBy(() -> InputFiles.read(file, Shape.of(5), null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("input t.csv has 4 columns but the model expects 5 values per sample (shape 5)");
    }

    @Test
    void explainsAChannelMismatch() throws IOException {
        BufferedImage colour = new BufferedImage(28, 28, BufferedImage.TYPE_INT_RGB);
        colour.setRGB(0, 0, ImageReaderTest.rgb(255, 0, 0));
        Path png = writeImage("foo.png", "png", colour);
        Path grey = writeImage("bar.png", "png", ImageReaderTest.grey8(new int[28][28]));

        assertThatThrownBy(() -> InputFiles.read(png, Shape.of(1, 28, 28), ImageOptions.defaults()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("input foo.png has shape 3×28×28 but the model expects 1×28×28: the image has 3 channels "
                        + "and the model 1; read it as grey");
        assertThatThrownBy(() -> InputFiles.read(grey, Shape.of(3, 28, 28), ImageOptions.defaults()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageEndingWith("the image has 1 channel and the model 3; read it as RGB");
        assertThat(InputFiles.read(png, Shape.of(1, 28, 28), ImageOptions.of(Channels.GREY))).hasSize(1);
    }

    @Test
    void fitsGreyImagesToModelsWithoutAChannelAxis() throws IOException {
        Path png = writeImage("digit.png", "png", ImageReaderTest.grey8(new int[][] {{0, 51, 255}, {51, 0, 0}}));

        Sample plane = InputFiles.read(png, Shape.of(2, 3), null).get(0);
        Sample flat = InputFiles.read(png, Shape.of(6), null).get(0);

        assertThat(plane.shape()).isEqualTo(Shape.of(2, 3));
        assertThat(flat.shape()).isEqualTo(Shape.of(6));
        assertThat(flat.values()).containsExactly(new float[] {0f, 0.2f, 1f, 0.2f, 0f, 0f}, within(1e-6f));
        assertThatThrownBy(() -> InputFiles.read(png, Shape.of(3, 2), null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("input digit.png has shape 1×2×3 but the model expects 3×2");
        assertThatThrownBy(() -> InputFiles.read(png, Shape.of(6), ImageOptions.of(Channels.RGB)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("input digit.png has shape 3×2×3 but the model expects 6");
    }

    @Test
    void rejectsImagesOfTheWrongSize() throws IOException {
        Path png = writeImage("big.png", "png", ImageReaderTest.grey8(new int[32][32]));

        assertThatThrownBy(() -> InputFiles.read(png, Shape.of(1, 28, 28), null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("input big.png has shape 1×32×32 but the model expects 1×28×28");
    }

    @Test
    void rejectsNonFiniteValues() throws IOException {
        Path file = Files.write(dir.resolve("x.npy"), npy("<f4", new int[] {2}, float32(1, Float.POSITIVE_INFINITY)));

        assertThatThrownBy(() -> InputFiles.read(file, null, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("input x.npy holds Infinity at index 1: inputs must be finite numbers");
    }

    @Test
    void rejectsUnknownTypesAndMissingFiles() throws IOException {
        Path text = Files.writeString(dir.resolve("foo.txt"), "1,2,3");
        Path bare = Files.writeString(dir.resolve("README"), "1,2,3");

        assertThatThrownBy(() -> InputFiles.read(text, null, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("input foo.txt has an unsupported type: expected a file ending in .png, .jpg, .jpeg, .npy, .csv, or an IDX image file (*idx3-ubyte[.gz])");
        assertThatThrownBy(() -> InputFiles.read(bare, null, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("input README has an unsupported type");
        assertThatThrownBy(() -> InputFiles.read(dir.resolve("gone.png"), null, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("input file not found: " + dir.resolve("gone.png"));
        assertThatThrownBy(() -> InputFiles.read(dir, null, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("input " + dir + " is a directory: expected a file");
    }

    private Path writeImage(String name, String format, BufferedImage image) throws IOException {
        Path file = dir.resolve(name);
        ImageIO.write(image, format, file.toFile());
        return file;
    }
}
