package dev.glassbox.core.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.model.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FashionMnistTest {

    @Test
    void namesTheTenClasses() {
        assertThat(FashionMnist.CLASS_NAMES).containsExactly("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
        assertThat(FashionMnist.className(9)).isEqualTo("Ankle boot");
        assertThatThrownBy(() -> FashionMnist.className(10)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void theDefaultDirectoryIsWhereTheDebianPackageInstalls() {
        assertThat(FashionMnist.defaultDirectory()).isEqualTo(Path.of("/usr/share/datasets/fashion-mnist"));
    }

    @Test
    void readsTheInstalledTestSet() {
        Path dir = FashionMnist.defaultDirectory();
        assumeTrue(Files.isRegularFile(dir.resolve("t10k-images-idx3-ubyte.gz")), "Fashion-MNIST is not installed");

        LabelledImages test = FashionMnist.test(dir);

        assertThat(test.count()).isEqualTo(10_000);
        assertThat(test.shape()).isEqualTo(Shape.of(1, 28, 28));
        int[] counts = new int[10];
        for (int label : test.labels()) {
            counts[label]++;
        }
        assertThat(counts).containsOnly(1000);
        // The first test images are an ankle boot, a pullover and two trousers.
        assertThat(new int[] {test.label(0), test.label(1), test.label(2), test.label(3)}).containsExactly(9, 2, 1, 1);
        float[] first = test.image(0);
        float min = 1f;
        float max = 0f;
        for (float v : first) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertThat(first).hasSize(784);
        assertThat(min).isEqualTo(0f);
        assertThat(max).isEqualTo(1f);
    }

    @Test
    void readsUncompressedFilesToo(@TempDir Path dir) throws IOException {
        LabelledImages data = new LabelledImages(1, 2, 2, new byte[] {1, 2, 3, 4}, new int[] {5});
        IdxWriter.write(data, dir.resolve("train-images-idx3-ubyte"), dir.resolve("train-labels-idx1-ubyte.gz"));

        assertThat(FashionMnist.train(dir)).isEqualTo(data);
    }

    @Test
    void explainsWhereToGetTheDataWhenItIsMissing(@TempDir Path dir) {
        assertThatThrownBy(() -> FashionMnist.test(dir))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Fashion-MNIST not found in " + dir + " (no t10k-images-idx3-ubyte.gz): install the Debian "
                        + "package dataset-fashion-mnist or pass --data DIR");
    }
}
