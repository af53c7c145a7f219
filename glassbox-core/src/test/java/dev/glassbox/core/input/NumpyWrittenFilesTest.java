package dev.glassbox.core.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.model.Shape;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reads files written by NumPy 2.4 itself (test resources under {@code input/}), as a check on the hand-built files of
 * {@link NpyReaderTest}. The comment on each test gives the Python that wrote the file.
 */
class NumpyWrittenFilesTest {

    @Test
    void float32Matrix() {
        // np.save('float32-2x3.npy', np.arange(6, dtype='<f4').reshape(2, 3) / 4)
        NdArrayData array = NpyReader.read(resource("float32-2x3.npy"));

        assertThat(array.shape()).isEqualTo(Shape.of(2, 3));
        assertThat(array.values()).containsExactly(0f, 0.25f, 0.5f, 0.75f, 1f, 1.25f);
    }

    @Test
    void bigEndianFloat64() {
        // np.save('float64-be.npy', np.array([0.1, -2.5, 1e20], dtype='>f8'))
        assertThat(NpyReader.read(resource("float64-be.npy")).values()).containsExactly(0.1f, -2.5f, 1e20f);
    }

    @Test
    void uint8BatchSplitsIntoSamples() {
        // np.save('uint8-batch.npy', np.arange(8, dtype=np.uint8).reshape(2, 1, 2, 2) * 60)
        List<Sample> samples = NpyReader.samples(resource("uint8-batch.npy"), Shape.of(1, 2, 2));

        assertThat(samples).hasSize(2);
        assertThat(samples.get(0).values()).containsExactly(0f, 60f, 120f, 180f);
        assertThat(samples.get(1).values()).containsExactly(240f, 44f, 104f, 164f);
    }

    @Test
    void int64() {
        // np.save('int64.npy', np.array([-5, 7, 2**40], dtype='<i8'))
        assertThat(NpyReader.read(resource("int64.npy")).values()).containsExactly(-5f, 7f, 1099511627776f);
    }

    @Test
    void formatVersionsTwoAndThree() {
        // numpy.lib.format.write_array(fh, np.array([[1.5, 2.5]], dtype='<f4'), version=(2, 0))
        // numpy.lib.format.write_array(fh, np.array([3, 4], dtype='<i4'), version=(3, 0))
        NdArrayData v2 = NpyReader.read(resource("version2.npy"));
        NdArrayData v3 = NpyReader.read(resource("version3.npy"));

        assertThat(v2.shape()).isEqualTo(Shape.of(1, 2));
        assertThat(v2.values()).containsExactly(1.5f, 2.5f);
        assertThat(v3.shape()).isEqualTo(Shape.of(2));
        assertThat(v3.values()).containsExactly(3f, 4f);
    }

    @Test
    void fortranOrderIsRejected() {
        // np.save('fortran.npy', np.asfortranarray(np.arange(6, dtype='<f4').reshape(2, 3)))
        assertThatThrownBy(() -> NpyReader.read(resource("fortran.npy")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("input fortran.npy is in Fortran order; save it with C order");
    }

    private static Path resource(String name) {
        try {
            return Path.of(NumpyWrittenFilesTest.class.getResource("/input/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
