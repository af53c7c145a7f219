package dev.glassbox.core.input;

import static dev.glassbox.core.input.NpyBytes.float32;
import static dev.glassbox.core.input.NpyBytes.float64;
import static dev.glassbox.core.input.NpyBytes.int16;
import static dev.glassbox.core.input.NpyBytes.int32;
import static dev.glassbox.core.input.NpyBytes.int64;
import static dev.glassbox.core.input.NpyBytes.npy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.model.Shape;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyReaderTest {
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
    private static final ByteOrder BE = ByteOrder.BIG_ENDIAN;

    @TempDir
    Path dir;

    @Test
    void headersArePaddedToSixtyFourBytes() throws IOException {
        byte[] bytes = npy("<f4", new int[] {2, 3}, float32(1, 2, 3, 4, 5, 6));

        int headerLength = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
        assertThat((10 + headerLength) % 64).isZero();
        assertThat(bytes.length).isEqualTo(10 + headerLength + 24);
        assertThat(new String(bytes, 10, headerLength, StandardCharsets.ISO_8859_1)).endsWith(" \n")
                .startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }");
    }

    @Test
    void readsFloat32() throws IOException {
        Path file = write("a.npy", npy("<f4", new int[] {2, 3}, float32(1.5f, -2f, 0f, 0.25f, 1e-3f, 7f)));

        NdArrayData array = NpyReader.read(file);

        assertThat(array.shape()).isEqualTo(Shape.of(2, 3));
        assertThat(array.values()).containsExactly(1.5f, -2f, 0f, 0.25f, 1e-3f, 7f);
    }

    @Test
    void readsBigEndianFloat32() throws IOException {
        Path file = write("a.npy", npy(">f4", new int[] {3}, float32(BE, 1.5f, -2f, 1e10f)));

        assertThat(NpyReader.read(file).values()).containsExactly(1.5f, -2f, 1e10f);
    }

    @Test
    void readsFloat64InBothByteOrders() throws IOException {
        Path little = write("le.npy", npy("<f8", new int[] {3}, float64(LE, 0.1, -3.5, 1e20)));
        Path big = write("be.npy", npy(">f8", new int[] {3}, float64(BE, 0.1, -3.5, 1e20)));

        assertThat(NpyReader.read(little).values()).containsExactly(0.1f, -3.5f, 1e20f);
        assertThat(NpyReader.read(big).values()).containsExactly(0.1f, -3.5f, 1e20f);
    }

    @Test
    void readsUint8AndInt8() throws IOException {
        byte[] data = {0, 1, 127, (byte) 128, (byte) 255};
        Path unsigned = write("u.npy", npy("|u1", new int[] {5}, data));
        Path signed = write("i.npy", npy("|i1", new int[] {5}, data));

        assertThat(NpyReader.read(unsigned).values()).containsExactly(0f, 1f, 127f, 128f, 255f);
        assertThat(NpyReader.read(signed).values()).containsExactly(0f, 1f, 127f, -128f, -1f);
    }

    @Test
    void readsWiderIntegers() throws IOException {
        Path i32 = write("i4.npy", npy("<i4", new int[] {3}, int32(LE, -7, 0, 123456)));
        Path i32be = write("i4be.npy", npy(">i4", new int[] {3}, int32(BE, -7, 0, 123456)));
        Path u32 = write("u4.npy", npy("<u4", new int[] {1}, int32(LE, -1)));
        Path i64 = write("i8.npy", npy("<i8", new int[] {2}, int64(LE, -5_000_000_000L, 42)));
        Path u64 = write("u8.npy", npy("<u8", new int[] {1}, int64(LE, -1L)));
        Path i16 = write("i2.npy", npy("<i2", new int[] {2}, int16(LE, -300, 300)));
        Path u16 = write("u2.npy", npy("<u2", new int[] {1}, int16(LE, 65535)));

        assertThat(NpyReader.read(i32).values()).containsExactly(-7f, 0f, 123456f);
        assertThat(NpyReader.read(i32be).values()).containsExactly(-7f, 0f, 123456f);
        assertThat(NpyReader.read(u32).values()).containsExactly(4294967295f);
        assertThat(NpyReader.read(i64).values()).containsExactly(-5e9f, 42f);
        assertThat(NpyReader.read(u64).values()).containsExactly(1.8446744e19f);
        assertThat(NpyReader.read(i16).values()).containsExactly(-300f, 300f);
        assertThat(NpyReader.read(u16).values()).containsExactly(65535f);
    }

    @Test
    void readsBooleans() throws IOException {
        Path file = write("b.npy", npy("|b1", new int[] {3}, new byte[] {1, 0, 1}));

        assertThat(NpyReader.read(file).values()).containsExactly(1f, 0f, 1f);
    }

    @Test
    void readsFormatVersionsTwoAndThree() throws IOException {
        Path v2 = write("v2.npy", npy(2, "<f4", false, new int[] {1, 2}, float32(1, 2)));
        Path v3 = write("v3.npy", npy(3, "<f4", false, new int[] {2}, float32(3, 4)));

        assertThat(NpyReader.read(v2).shape()).isEqualTo(Shape.of(1, 2));
        assertThat(NpyReader.read(v2).values()).containsExactly(1f, 2f);
        assertThat(NpyReader.read(v3).values()).containsExactly(3f, 4f);
    }

    @Test
    void readsArraysLargerThanOneReadChunk() throws IOException {
        float[] values = new float[40_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = i * 0.5f;
        }
        Path file = write("big.npy", npy("<f4", new int[] {200, 200}, float32(values)));

        assertThat(NpyReader.read(file).values()).containsExactly(values);
    }

    @Test
    void anArrayOfTheExpectedShapeIsOneSample() throws IOException {
        float[] values = new float[12];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        Path file = write("x.npy", npy("<f4", new int[] {1, 3, 4}, float32(values)));

        List<Sample> samples = NpyReader.samples(file, Shape.of(1, 3, 4));

        assertThat(samples).hasSize(1);
        assertThat(samples.get(0).name()).isEqualTo("x.npy");
        assertThat(samples.get(0).shape()).isEqualTo(Shape.of(1, 3, 4));
        assertThat(samples.get(0).values()).containsExactly(values);
    }

    @Test
    void aBatchSplitsIntoNamedSamples() throws IOException {
        float[] values = new float[3 * 2 * 2];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        Path file = write("batch.npy", npy("<f4", new int[] {3, 1, 2, 2}, float32(values)));

        List<Sample> samples = NpyReader.samples(file, Shape.of(1, 2, 2));

        assertThat(samples).extracting(Sample::name).containsExactly("batch.npy#0", "batch.npy#1", "batch.npy#2");
        assertThat(samples).allSatisfy(s -> assertThat(s.shape()).isEqualTo(Shape.of(1, 2, 2)));
        assertThat(samples.get(2).values()).containsExactly(8f, 9f, 10f, 11f);
    }

    @Test
    void withoutAnExpectedShapeTheWholeArrayIsOneSample() throws IOException {
        Path file = write("x.npy", npy("<f4", new int[] {2, 2}, float32(1, 2, 3, 4)));

        List<Sample> samples = NpyReader.samples(file, null);

        assertThat(samples).singleElement().satisfies(s -> assertThat(s.shape()).isEqualTo(Shape.of(2, 2)));
    }

    @Test
    void rejectsAShapeThatFitsNeitherASampleNorABatch() throws IOException {
        Path file = write("x.npy", npy("|u1", new int[] {3, 28, 28}, new byte[3 * 28 * 28]));

        assertThatThrownBy(() -> NpyReader.samples(file, Shape.of(1, 28, 28)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("input x.npy has shape 3×28×28 but the model expects 1×28×28 (or N×1×28×28 for a batch)");
    }

    @Test
    void rejectsFortranOrder() throws IOException {
        Path file = write("f.npy", npy(1, "<f4", true, new int[] {2, 2}, float32(1, 2, 3, 4)));

        assertThatThrownBy(() -> NpyReader.read(file))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("input f.npy is in Fortran order; save it with C order");
    }

    @Test
    void rejectsNanAndInfinityNamingTheFileAndIndex() throws IOException {
        Path nan = write("nan.npy", npy("<f4", new int[] {3}, float32(1f, 2f, Float.NaN)));
        Path inf = write("inf.npy", npy("<f8", new int[] {2}, float64(LE, Double.NEGATIVE_INFINITY, 0)));

        assertThatThrownBy(() -> NpyReader.read(nan))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("input nan.npy holds NaN at index 2: inputs must be finite numbers");
        assertThatThrownBy(() -> NpyReader.read(inf))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("input inf.npy holds -Infinity at index 0: inputs must be finite numbers");
    }

    @Test
    void rejectsTruncatedData() throws IOException {
        Path file = write("cut.npy", npy("<f4", new int[] {2, 3}, float32(1, 2, 3)));

        assertThatThrownBy(() -> NpyReader.read(file))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("input cut.npy is truncated: its header describes 6 values of 4 bytes (24 bytes) but only "
                        + "12 bytes follow");
    }

    @Test
    void rejectsTruncatedHeaders() throws IOException {
        byte[] whole = npy("<f4", new int[] {2}, float32(1, 2));
        Path file = write("cut.npy", Arrays.copyOf(whole, 30));

        assertThatThrownBy(() -> NpyReader.read(file))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("input cut.npy is truncated: the file ends inside the .npy header or data");
    }

    @Test
    void rejectsExtraBytes() throws IOException {
        Path file = write("long.npy", npy("<f4", new int[] {2}, float32(1, 2, 3)));

        assertThatThrownBy(() -> NpyReader.read(file))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("input long.npy has 4 bytes after its array");
    }

    @Test
    void rejectsFilesWithoutTheMagic() throws IOException {
        Path file = write("text.npy", "hello world, no array here".getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> NpyReader.read(file))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("input text.npy is not a NumPy .npy file: it does not start with \\x93NUMPY");
    }

    @Test
    void rejectsCorruptHeaders() throws IOException {
        byte[] bytes = npy("<f4", new int[] {2}, float32(1, 2));
        byte[] corrupt = bytes.clone();
        corrupt[10] = '[';
        byte[] noShape = new String(bytes, StandardCharsets.ISO_8859_1).replace("'shape'", "'shope'")
                .getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> NpyReader.read(write("a.npy", corrupt)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("input a.npy has a damaged .npy header: expected '{' at character 0");
        assertThatThrownBy(() -> NpyReader.read(write("b.npy", noShape)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("input b.npy has a damaged .npy header: it lacks 'descr', 'fortran_order' or 'shape'");
    }

    @Test
    void rejectsUnsupportedVersionsAndTypes() throws IOException {
        byte[] v4 = npy("<f4", new int[] {1}, float32(1));
        v4[6] = 4;
        Path complex = write("c.npy", npy("<c8", new int[] {1}, new byte[8]));
        Path text = write("s.npy", npy("<U3", new int[] {1}, new byte[12]));

        assertThatThrownBy(() -> NpyReader.read(write("v4.npy", v4)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("input v4.npy has .npy format version 4.0, which is not supported: expected 1.0, 2.0 or 3.0");
        assertThatThrownBy(() -> NpyReader.read(complex))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("input c.npy has dtype '<c8', which is not supported: "
                        + "expected float32, float64, bool or an integer type");
        assertThatThrownBy(() -> NpyReader.read(text)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("dtype '<U3'");
    }

    @Test
    void rejectsScalarsEmptyArraysAndStructuredArrays() throws IOException {
        Path scalar = write("scalar.npy", npy("<f4", new int[0], float32(1)));
        Path empty = write("empty.npy", npy("<f4", new int[] {0, 3}, new byte[0]));
        byte[] structured = new String(npy("<f4", new int[] {1}, float32(1)), StandardCharsets.ISO_8859_1)
                .replace("'<f4', ", "[('a', '<f4')],").getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> NpyReader.read(scalar))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("input scalar.npy holds a single number: expected an array");
        assertThatThrownBy(() -> NpyReader.read(empty))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("input empty.npy is empty (shape 0×3): expected at least one value");
        assertThatThrownBy(() -> NpyReader.read(write("rec.npy", structured)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("input rec.npy holds a structured array: expected a plain numeric array");
    }

    @Test
    void rejectsMissingFiles() {
        Path file = dir.resolve("none.npy");

        assertThatThrownBy(() -> NpyReader.read(file))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("input file not found: " + file);
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }
}
