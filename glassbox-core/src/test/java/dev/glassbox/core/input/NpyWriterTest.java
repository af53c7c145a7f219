package dev.glassbox.core.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glassbox.core.model.Shape;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyWriterTest {

    /** numpy 1.24: {@code np.save(f, np.array([[0.5, -1, 2]], dtype='<f4'))}, byte for byte. */
    @Test
    void writesWhatNumpyWrites() {
        byte[] bytes = NpyWriter.toBytes(new float[] {0.5f, -1f, 2f}, Shape.of(1, 3));
        String header = "{'descr': '<f4', 'fortran_order': False, 'shape': (1, 3), }";
        assertThat(HexFormat.of().formatHex(bytes, 0, 10)).isEqualTo("934e554d5059010076" + "00");
        assertThat(new String(bytes, 10, 118, StandardCharsets.US_ASCII)).isEqualTo(header + " ".repeat(117 - header.length()) + "\n");
        assertThat(HexFormat.of().formatHex(bytes, 128, 140)).isEqualTo("0000003f000080bf00000040");
        assertThat(new String(NpyWriter.toBytes(new float[] {1, 2}, Shape.of(2)), 10, 60, StandardCharsets.US_ASCII))
                .startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }");
    }

    @Test
    void readsBackWithTheReader(@TempDir Path dir) throws IOException {
        float[] values = new float[2 * 3 * 4];
        for (int i = 0; i < values.length; i++) {
            values[i] = i * 0.25f - 3;
        }
        Path file = dir.resolve("a.npy");
        NpyWriter.write(values, Shape.of(2, 3, 4), file);
        var samples = NpyReader.samples(file, Shape.of(2, 3, 4));
        assertThat(samples).hasSize(1);
        assertThat(samples.get(0).values()).containsExactly(values);
        assertThat(samples.get(0).shape()).isEqualTo(Shape.of(2, 3, 4));
        assertThatThrownBy(() -> NpyWriter.toBytes(values, Shape.of(5))).isInstanceOf(IllegalArgumentException.class);
    }
}
