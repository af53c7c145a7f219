package dev.glassbox.cli.demo;

import dev.glassbox.cli.report.InsideModelSection;
import dev.glassbox.core.input.IdxReader;
import dev.glassbox.core.input.LabelledImages;
import dev.glassbox.core.input.LabelledTexts;
import dev.glassbox.core.input.SpamAssassin;
import dev.glassbox.core.input.TextFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The demo's bundled default: the Fashion-MNIST CNN trained by {@code glassbox train fashion-mnist}, the first 200
 * images of the Fashion-MNIST test set (MIT licence) with their labels, an autoencoder trained on Fashion-MNIST, 300
 * out-of-distribution digits, the same CNN trained with a planted patch, the spam filters trained by {@code glassbox
 * train spam} (whole e-mails and bodies only) and 300 SpamAssassin test e-mails. They live in the jar and are
 * unpacked into a temporary folder for the engine, which reads models from files.
 */
public final class BundledDemo implements AutoCloseable {
    private static final String ROOT = "/dev/glassbox/cli/demo/";
    public static final String IMAGES = "data/t10k-first200-images-idx3-ubyte.gz";
    public static final String LABELS = "data/t10k-first200-labels-idx1-ubyte.gz";
    public static final String DIGITS_IMAGES = "data/digits-300-images-idx3-ubyte.gz";
    public static final String DIGITS_LABELS = "data/digits-300-labels-idx1-ubyte.gz";
    public static final String SPAM_MAILS = "text/spam-assassin-test-300.jsonl.gz";

    private final Path dir;

    private BundledDemo(Path dir) {
        this.dir = dir;
    }

    /** Unpacks the bundled files (listed in {@code files.txt}) into a temporary folder. */
    public static BundledDemo unpack() {
        try {
            Path dir = Files.createTempDirectory("glassbox-demo-");
            for (String file : listing()) {
                Path target = dir.resolve(file);
                Files.createDirectories(target.getParent());
                try (InputStream in = resource(file)) {
                    Files.copy(in, target);
                }
            }
            return new BundledDemo(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the bundled demo", e);
        }
    }

    private static List<String> listing() throws IOException {
        try (InputStream in = resource("files.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(s -> !s.isEmpty()).toList();
        }
    }

    private static InputStream resource(String file) {
        InputStream in = BundledDemo.class.getResourceAsStream(ROOT + file);
        if (in == null) {
            throw new IllegalStateException("the bundled demo file " + file + " is missing from the build");
        }
        return in;
    }

    /** The bundled model folder. */
    public Path modelDir() {
        return dir.resolve("model");
    }

    /** The bundled convolutional autoencoder, trained by {@code glassbox train autoencoder}. */
    public Path autoencoderDir() {
        return dir.resolve("autoencoder");
    }

    /** The bundled model trained with a planted patch (see {@link DemoSanity}). */
    public Path plantedModelDir() {
        return dir.resolve("planted-model");
    }

    /** The bundled robust and private models and the extraction results ({@link RobustDemo}). */
    public Path robustDir() {
        return dir.resolve("robust");
    }

    /** The deep ensemble of mean–variance networks trained on the gap benchmark by {@code glassbox train regression}. */
    public Path regressionDir() {
        return dir.resolve("regression-gap");
    }

    /** The prototype network trained by {@code glassbox train protonet}, with its prototype images. */
    public Path protonetDir() {
        return dir.resolve("protonet");
    }

    /** A generator trained by {@code glassbox train gan|wgan|wgan-gp}, with the metrics measured then. */
    public Path generatorDir() {
        return dir.resolve("generator");
    }

    /** The vision transformer trained by {@code glassbox train vit}. */
    public Path vitDir() {
        return dir.resolve("vit");
    }

    /** The residual network trained in PyTorch and exported to ONNX ({@code onnx-resnet/README.md}). */
    public Path onnxResNet() {
        return dir.resolve("onnx-resnet/fashion-resnet.onnx");
    }

    /**
     * The bundled extremal and meaningful perturbation maps ({@link BundledMaps}), one folder per model: {@code
     * model} and {@code planted-model}.
     */
    public Path masks() {
        return dir.resolve("masks");
    }

    /** The bundled results of the inspect commands on the bundled model (see {@link InsideModelSection}). */
    public Path inside() {
        return dir.resolve("inside");
    }

    /** The bundled images and labels. */
    public LabelledImages images() {
        return IdxReader.read(dir.resolve(IMAGES), dir.resolve(LABELS));
    }

    /**
     * 300 hand-written digits upsampled from 8×8 to 28×28 (UCI ML hand-written digits via scikit-learn, CC BY 4.0),
     * an out-of-distribution set for the Fashion-MNIST model.
     */
    public LabelledImages digits() {
        return IdxReader.read(dir.resolve(DIGITS_IMAGES), dir.resolve(DIGITS_LABELS));
    }

    /** The bundled spam filter that reads whole e-mails. */
    public Path spamModelDir() {
        return dir.resolve("text/spam-cnn");
    }

    /** The bundled spam filter that reads only e-mail bodies. */
    public Path spamBodyModelDir() {
        return dir.resolve("text/spam-body-cnn");
    }

    /** The bundled SpamAssassin test e-mails with their labels. */
    public LabelledTexts spamMails() {
        return TextFiles.readLabelled(dir.resolve(SPAM_MAILS), SpamAssassin.CLASS_NAMES);
    }

    @Override
    public void close() {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
