package dev.glassbox.core.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.model.Shape;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxTest {
    @TempDir
    Path dir;

    /** Three 2×3 images whose pixels count up from 0, 100 and 200, labelled 7, 0 and 255. */
    private static LabelledImages three() {
        byte[] pixels = new byte[3 * 6];
        for (int i = 0; i < 3; i++) {
            for (int p = 0; p < 6; p++) {
                pixels[i * 6 + p] = (byte) (i * 100 + p);
            }
        }
        return new LabelledImages(3, 2, 3, pixels, new int[] {7, 0, 255});
    }

    @Test
    void readsIdxFilesWrittenByHand() throws IOException {
        Path images = Files.write(dir.resolve("images"), idx(0x00000803, new int[] {2, 1, 2}, 0, 51, 255, 128));
        Path labels = Files.write(dir.resolve("labels"), idx(0x00000801, new int[] {2}, 9, 3));

        LabelledImages data = IdxReader.read(images, labels);

        assertThat(data.count()).isEqualTo(2);
        assertThat(data.shape()).isEqualTo(Shape.of(1, 1, 2));
        assertThat(data.image(0)).containsExactly(new float[] {0f, 0.2f}, within(1e-6f));
        assertThat(data.image(1)).containsExactly(new float[] {1f, 128 / 255f}, within(1e-6f));
        assertThat(data.labels()).containsExactly(9, 3);
    }

    @Test
    void roundTripsUncompressedAndGzipFiles() throws IOException {
        LabelledImages data = three();
        Path images = dir.resolve("images-idx3-ubyte");
        Path labels = dir.resolve("labels-idx1-ubyte");
        Path gzImages = dir.resolve("images-idx3-ubyte.gz");
        Path gzLabels = dir.resolve("labels-idx1-ubyte.gz");

        IdxWriter.write(data, images, labels);
        IdxWriter.write(data, gzImages, gzLabels);

        assertThat(Files.size(images)).isEqualTo(16 + 18);
        assertThat(Files.size(labels)).isEqualTo(8 + 3);
        assertThat(Files.readAllBytes(gzImages)).startsWith((byte) 0x1f, (byte) 0x8b);
        assertThat(IdxReader.read(images, labels)).isEqualTo(data);
        assertThat(IdxReader.read(gzImages, gzLabels)).isEqualTo(data);
        assertThat(IdxReader.read(gzImages, labels)).isEqualTo(data);
    }

    @Test
    void idxImageFilesAreInputsOfOneSamplePerImage() throws IOException {
        LabelledImages data = three();
        Path images = dir.resolve("t-idx3-ubyte.gz");
        IdxWriter.write(data, images, dir.resolve("t-idx1-ubyte.gz"));
        java.util.List<Sample> samples = InputFiles.read(images, data.shape(), null);
        assertThat(samples).hasSize(data.count());
        for (int i = 0; i < samples.size(); i++) {
            assertThat(samples.get(i).name()).isEqualTo("t-idx3-ubyte.gz#" + i);
            assertThat(samples.get(i).values()).containsExactly(data.image(i));
        }
        assertThat(IdxReader.labels(dir.resolve("t-idx1-ubyte.gz"))).containsExactly(data.labels());
    }

    @Test
    void recognisesGzipByContentWhateverTheName() throws IOException {
        Path gz = dir.resolve("images.gz");
        Path labels = dir.resolve("labels");
        IdxWriter.write(three(), gz, labels);
        Path renamed = Files.move(gz, dir.resolve("images-no-suffix"));

        assertThat(IdxReader.read(renamed, labels)).isEqualTo(three());
    }

    @Test
    void slicesAndSubsets() {
        LabelledImages data = three();

        LabelledImages slice = data.slice(1, 3);
        LabelledImages subset = data.subset(new int[] {2, 0});

        assertThat(slice.count()).isEqualTo(2);
        assertThat(slice.labels()).containsExactly(0, 255);
        assertThat(slice.image(0)).containsExactly(data.image(1));
        assertThat(subset.labels()).containsExactly(255, 7);
        assertThat(subset.image(0)).containsExactly(data.image(2));
        assertThat(subset.image(1)).containsExactly(data.image(0));
        assertThat(data.sample(2, "x#2").values()).containsExactly(data.image(2));
        assertThatThrownBy(() -> data.slice(2, 4)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> data.subset(new int[] {3})).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void imagesAreImmutable() {
        byte[] pixels = new byte[6];
        LabelledImages data = new LabelledImages(1, 2, 3, pixels, new int[] {1});

        pixels[0] = 9;
        data.pixels()[1] = 9;
        data.labels()[0] = 5;

        assertThat(data.pixels()).containsOnly(0);
        assertThat(data.label(0)).isEqualTo(1);
    }

    @Test
    void rejectsSwappedOrForeignFiles() throws IOException {
        Path images = dir.resolve("images");
        Path labels = dir.resolve("labels");
        IdxWriter.write(three(), images, labels);
        Path text = Files.writeString(dir.resolve("text"), "not an IDX file at all");

        assertThatThrownBy(() -> IdxReader.read(labels, images))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("IDX file labels is not an image file: its magic number is 0x00000801, expected 0x00000803");
        assertThatThrownBy(() -> IdxReader.read(images, images))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("IDX file images is not a label file: its magic number is 0x00000803, expected 0x00000801");
        assertThatThrownBy(() -> IdxReader.read(text, labels))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("IDX file text is not an image file: its magic number is 0x6e6f7420");
    }

    @Test
    void rejectsCountsThatDoNotMatch() throws IOException {
        Path images = Files.write(dir.resolve("images"), idx(0x00000803, new int[] {2, 1, 1}, 1, 2));
        Path labels = Files.write(dir.resolve("labels"), idx(0x00000801, new int[] {3}, 1, 2, 3));

        assertThatThrownBy(() -> IdxReader.read(images, labels))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("IDX files images and labels do not match: 2 images but 3 labels");
    }

    @Test
    void rejectsTruncatedAndOverlongFiles() throws IOException {
        Path labels = Files.write(dir.resolve("labels"), idx(0x00000801, new int[] {2}, 1, 2));
        Path shortData = Files.write(dir.resolve("short"), idx(0x00000803, new int[] {2, 2, 2}, 1, 2, 3));
        Path shortHeader = Files.write(dir.resolve("header"), Arrays.copyOf(idx(0x00000803, new int[] {2, 2, 2}), 10));
        Path longData = Files.write(dir.resolve("long"), idx(0x00000803, new int[] {2, 1, 1}, 1, 2, 3));
        byte[] gz = gzip(idx(0x00000803, new int[] {2, 1, 1}, 1, 2));
        Path cutGzip = Files.write(dir.resolve("cut.gz"), Arrays.copyOf(gz, gz.length - 6));

        assertThatThrownBy(() -> IdxReader.read(shortData, labels))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("IDX file short is truncated: expected 8 bytes of data but found 3");
        assertThatThrownBy(() -> IdxReader.read(shortHeader, labels))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("IDX file header is truncated: it ends inside its header or gzip data");
        assertThatThrownBy(() -> IdxReader.read(longData, labels))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("IDX file long has bytes after its data: expected exactly 2 bytes for its dimensions");
        assertThatThrownBy(() -> IdxReader.read(cutGzip, labels))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("IDX file cut.gz is truncated");
    }

    @Test
    void rejectsMissingFilesAndLabelsThatDoNotFitAByte() {
        Path missing = dir.resolve("missing");
        LabelledImages wide = new LabelledImages(1, 1, 1, new byte[1], new int[] {256});

        assertThatThrownBy(() -> IdxReader.read(missing, missing))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("input file not found: " + missing);
        assertThatThrownBy(() -> IdxWriter.write(wide, dir.resolve("i"), dir.resolve("l")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("label 256 of image 0 does not fit an IDX label file: expected 0..255");
    }

    /** An IDX file: big-endian magic and dimensions, then unsigned bytes. */
    private static byte[] idx(int magic, int[] dims, int... data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(magic);
            for (int d : dims) {
                out.writeInt(d);
            }
            for (int v : data) {
                out.writeByte(v);
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }
}
