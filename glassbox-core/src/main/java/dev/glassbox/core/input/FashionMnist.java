package dev.glassbox.core.input;

import dev.glassbox.core.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The Fashion-MNIST data set: 28×28 grey images of clothing in ten classes, 60,000 for training and 10,000 for
 * testing, stored as IDX files (gzip-compressed or not) under their usual names.
 */
public final class FashionMnist {
    /** The class names, indexed by label. */
    public static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private FashionMnist() {
    }

    /** The name of class {@code label}, 0 to 9. */
    public static String className(int label) {
        return CLASS_NAMES.get(Objects.checkIndex(label, CLASS_NAMES.size()));
    }

    /** Where the Debian package {@code dataset-fashion-mnist} installs the data: {@code /usr/share/datasets/fashion-mnist}. */
    public static Path defaultDirectory() {
        return Path.of("/usr/share/datasets/fashion-mnist");
    }

    /** The 60,000 training images in {@code dir}. */
    public static LabelledImages train(Path dir) {
        return load(dir, "train");
    }

    /** The 10,000 test images in {@code dir}. */
    public static LabelledImages test(Path dir) {
        return load(dir, "t10k");
    }

    private static LabelledImages load(Path dir, String prefix) {
        return IdxReader.read(find(dir, prefix + "-images-idx3-ubyte"), find(dir, prefix + "-labels-idx1-ubyte"));
    }

    /** The file {@code name.gz} or {@code name} in {@code dir}. */
    private static Path find(Path dir, String name) {
        for (Path candidate : List.of(dir.resolve(name + ".gz"), dir.resolve(name))) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new InvalidInputException("Fashion-MNIST not found in " + dir + " (no " + name + ".gz): install the Debian "
                + "package dataset-fashion-mnist or pass --data DIR");
    }
}
