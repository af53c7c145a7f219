package dev.glassbox.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.glassbox.cli.demo.BundledDemo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.glassbox.core.inspect.LabelFlips;
import dev.glassbox.core.input.IdxReader;
import dev.glassbox.core.input.LabelledImages;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfluenceCommandTest {
    private static final Path DEMO = Path.of("src/main/resources/dev/glassbox/cli/demo");

    private static Cli run(Path out, String... extra) {
        return run(out, 120, DEMO.resolve(BundledDemo.LABELS), extra);
    }

    /** The bundled CNN on the bundled images, the first {@code trainCount} of them with {@code labels} for training. */
    private static Cli run(Path out, int trainCount, Path labels, String... extra) {
        String[] base = {"inspect", "influence", "--model", DEMO.resolve("model").toString(), "--input",
            Cli.fixture("batch.npy").toString(), "--train-images", DEMO.resolve(BundledDemo.IMAGES).toString(),
            "--train-labels", labels.toString(), "--train-count", String.valueOf(trainCount), "--top", "3",
            "--out", out.toString()};
        return Cli.run(java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(extra))
                .toArray(String[]::new));
    }

    @Test
    void writesProponentsOpponentsAndSelfInfluenceIdenticallyOnRerun(@TempDir Path dir) throws IOException {
        Cli first = run(dir.resolve("a"));
        assertThat(first.exitCode()).as(first.err()).isZero();
        Cli second = run(dir.resolve("b"));
        assertThat(second.exitCode()).as(second.err()).isZero();
        String json = Files.readString(dir.resolve("a/influence.json"));
        assertThat(json).isEqualTo(Files.readString(dir.resolve("b/influence.json")));
        JsonObject root = JsonParser.parseString(json).getAsJsonObject();
        assertThat(root.get("layer").getAsString()).isEqualTo("dropout");
        assertThat(root.get("solver").getAsString()).isEqualTo("exact");
        assertThat(root.get("fitGradient").getAsDouble()).isLessThan(1e-8);
        assertThat(root.getAsJsonArray("selfInfluence")).hasSize(120);
        for (var p : root.getAsJsonArray("predictions")) {
            JsonObject prediction = p.getAsJsonObject();
            // the strongest proponent of a prediction is a training image of the predicted class
            assertThat(prediction.getAsJsonArray("proponents").get(0).getAsJsonObject().get("label").getAsString())
                    .isEqualTo(prediction.get("predicted").getAsString());
            assertThat(prediction.getAsJsonArray("proponents").get(0).getAsJsonObject().get("effect").getAsDouble())
                    .isPositive();
        }
        assertThat(Files.list(dir.resolve("a")).map(f -> f.getFileName().toString()))
                .contains("index.html", "influence.json", "self-influence.png", "batch-0-influence.png");
        assertThat(Files.readString(dir.resolve("a/index.html"))).contains("Influence of training data");
    }

    @Test
    void badInputIsAOneLineErrorWithExitCode2(@TempDir Path dir) {
        Cli layer = run(dir.resolve("a"), "--layer", "nope");
        assertThat(layer.exitCode()).isEqualTo(2);
        assertThat(layer.err()).contains("no layer named 'nope'");
        Cli weights = run(dir.resolve("b"), "--weights", "all");
        assertThat(weights.exitCode()).isEqualTo(2);
        assertThat(weights.err()).contains("--weights takes surrogate or model");
        Cli method = run(dir.resolve("m"), "--method", "exact");
        assertThat(method.exitCode()).isEqualTo(2);
        assertThat(method.err()).contains("--method takes influence or newton or tracin or loo");
        Cli checkpoints = run(dir.resolve("k"), "--method", "tracin", "--checkpoints", "0");
        assertThat(checkpoints.exitCode()).isEqualTo(2);
        assertThat(checkpoints.err()).contains("TracIn needs at least one checkpoint");
        Cli conv = run(dir.resolve("c"), "--weights", "model", "--layer", "conv5");
        assertThat(conv.exitCode()).isEqualTo(2);
        assertThat(conv.err()).contains("holds parameters");
        Cli split = Cli.run("inspect", "influence", "--model", Cli.fixture("cnn.pt").toString(), "--split", "--input-shape", "1,28,28", "--input",
                Cli.fixture("batch.npy").toString(), "--train-images", DEMO.resolve(BundledDemo.IMAGES).toString(),
                "--train-labels", DEMO.resolve(BundledDemo.LABELS).toString(), "--weights", "model", "--out",
                dir.resolve("d").toString());
        assertThat(split.exitCode()).isEqualTo(2);
        assertThat(split.err()).contains("needs a DJL block model");
    }

    @Test
    void aSplitTorchScriptModelGetsTheSurrogateHeadByConjugateGradients(@TempDir Path dir) throws IOException {
        Cli result = Cli.run("inspect", "influence", "--model", Cli.fixture("cnn.pt").toString(), "--split", "--input-shape", "1,28,28", "--input",
                Cli.fixture("batch.npy").toString(), "--train-images", DEMO.resolve(BundledDemo.IMAGES).toString(),
                "--train-labels", DEMO.resolve(BundledDemo.LABELS).toString(), "--train-count", "20", "--l2", "0.1",
                "--out", dir.resolve("out").toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonObject root = JsonParser.parseString(Files.readString(dir.resolve("out/influence.json"))).getAsJsonObject();
        assertThat(root.get("solver").getAsString()).isEqualTo("cg");
        assertThat(root.get("parameters").getAsInt()).isEqualTo(10 * (8 * 14 * 14 + 1));
    }

    /** The bundled labels with 10% of the first 120 flipped (seed 3), as an IDX label file. */
    private static LabelFlips flippedLabels(Path file) throws IOException {
        LabelledImages bundled = IdxReader.read(DEMO.resolve(BundledDemo.IMAGES), DEMO.resolve(BundledDemo.LABELS));
        int[] labels = bundled.labels().clone();
        LabelFlips flips = LabelFlips.flip(java.util.Arrays.copyOf(labels, 120), 10, 0.1, 3);
        System.arraycopy(flips.labels(), 0, labels, 0, 120);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(0x00000801);
            out.writeInt(labels.length);
            for (int label : labels) {
                out.writeByte(label);
            }
        }
        Files.write(file, bytes.toByteArray());
        return flips;
    }

    private static double[] selfInfluence(Path out) throws IOException {
        JsonObject root = JsonParser.parseString(Files.readString(out.resolve("influence.json"))).getAsJsonObject();
        return root.getAsJsonArray("selfInfluence").asList().stream().mapToDouble(e -> e.getAsDouble()).toArray();
    }

    /**
     * Influence functions and TracIn each rank the 12 flipped labels among 120 first (leave-one-out's self-influence,
     * the rise of an image's own loss, found them all too: 1.00).
     */
    @Test
    void everyMethodsSelfInfluenceFindsFlippedLabels(@TempDir Path dir) throws IOException {
        LabelFlips flips = flippedLabels(dir.resolve("labels-idx1-ubyte"));
        for (String method : new String[] {"influence", "tracin"}) {
            Cli result = run(dir.resolve(method), 120, dir.resolve("labels-idx1-ubyte"), "--method", method,
                    "--l2", "0.01");
            assertThat(result.exitCode()).as(result.err()).isZero();
            // checking a fifth of the images at random finds a fifth of the flips (measured: 1.00 and 0.92)
            assertThat(flips.shareFound(selfInfluence(dir.resolve(method)), 0.2)).as(method).isGreaterThan(0.6);
        }
    }

    /**
     * Retraining without each training image, the ground truth, against influence functions' and the Newton step's
     * predictions of it, on the 1,290-parameter head of the bundled CNN: with 60 images for 1,290 parameters the first
     * order underestimates the changes (measured slopes of actual on predicted 1.29–1.33, r 0.982–0.991), the Newton
     * step gets them right (slopes 0.98–1.00, r 0.995–0.999). And leaving an example out never lowers its own loss
     * (its removal frees the head from fitting it).
     */
    @Test
    void leaveOneOutRetrainingAgreesWithInfluenceFunctions(@TempDir Path dir) throws IOException {
        Cli result = run(dir.resolve("loo"), 60, DEMO.resolve(BundledDemo.LABELS), "--method", "loo", "--l2", "0.1");
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonObject root = JsonParser.parseString(Files.readString(dir.resolve("loo/influence.json"))).getAsJsonObject();
        assertThat(root.get("retrainings").getAsInt()).isEqualTo(60);
        assertThat(root.get("parameters").getAsInt()).isEqualTo(1290);
        for (var p : root.getAsJsonArray("predictions")) {
            JsonObject prediction = p.getAsJsonObject();
            assertThat(prediction.get("influenceCorrelation").getAsDouble()).isGreaterThan(0.98);
            assertThat(prediction.get("influenceSlope").getAsDouble()).isGreaterThan(1.1);
            assertThat(prediction.get("newtonStepCorrelation").getAsDouble()).isGreaterThan(0.99);
            assertThat(prediction.get("newtonStepSlope").getAsDouble()).isBetween(0.9, 1.1);
        }
        for (double own : selfInfluence(dir.resolve("loo"))) {
            assertThat(own).isGreaterThan(-1e-9);
        }
    }

    /**
     * The Newton step's self-influence is never below influence functions' (the Hessian without an example is below
     * the Hessian, so its inverse is above), and only the surrogate head has the per-example Hessians it needs.
     */
    @Test
    void theNewtonStepsSelfInfluenceBoundsInfluenceFunctionsFromAbove(@TempDir Path dir) throws IOException {
        Cli first = run(dir.resolve("influence"), 60, DEMO.resolve(BundledDemo.LABELS), "--l2", "0.01");
        assertThat(first.exitCode()).as(first.err()).isZero();
        Cli newton = run(dir.resolve("newton"), 60, DEMO.resolve(BundledDemo.LABELS), "--l2", "0.01", "--method",
                "newton");
        assertThat(newton.exitCode()).as(newton.err()).isZero();
        double[] influence = selfInfluence(dir.resolve("influence"));
        double[] step = selfInfluence(dir.resolve("newton"));
        int larger = 0;
        for (int i = 0; i < influence.length; i++) {
            assertThat(step[i]).isGreaterThanOrEqualTo(influence[i] * (1 - 1e-9));
            larger += step[i] > 1.01 * influence[i] ? 1 : 0;
        }
        assertThat(larger).isPositive();
        Cli model = run(dir.resolve("model"), 60, DEMO.resolve(BundledDemo.LABELS), "--method", "newton", "--weights",
                "model");
        assertThat(model.exitCode()).isEqualTo(2);
        assertThat(model.err()).contains("needs each training example's Hessian in closed form");
    }

    /**
     * Training images and labels given as NumPy arrays (the way RGB images come) give the same run as the same images
     * from IDX files; an array that is not a batch of images is a one-line error.
     */
    @Test
    void trainingImagesFromANumpyArrayGiveTheSameRunAsFromIdxFiles(@TempDir Path dir) throws IOException {
        LabelledImages bundled = IdxReader.read(DEMO.resolve(BundledDemo.IMAGES), DEMO.resolve(BundledDemo.LABELS))
                .slice(0, 40);
        float[] values = new float[40 * 28 * 28];
        for (int i = 0; i < 40; i++) {
            System.arraycopy(bundled.image(i), 0, values, i * 28 * 28, 28 * 28);
        }
        Path images = dir.resolve("train.npy");
        dev.glassbox.core.input.NpyWriter.write(values, dev.glassbox.core.model.Shape.of(40, 1, 28, 28), images);
        Path labels = dir.resolve("labels.npy");
        float[] labelValues = new float[40];
        for (int i = 0; i < 40; i++) {
            labelValues[i] = bundled.label(i);
        }
        dev.glassbox.core.input.NpyWriter.write(labelValues, dev.glassbox.core.model.Shape.of(40), labels);
        Cli idx = run(dir.resolve("idx"), 40, DEMO.resolve(BundledDemo.LABELS));
        assertThat(idx.exitCode()).as(idx.err()).isZero();
        Cli npy = Cli.run("inspect", "influence", "--model", DEMO.resolve("model").toString(), "--input",
                Cli.fixture("batch.npy").toString(), "--train-images", images.toString(), "--train-labels",
                labels.toString(), "--train-count", "40", "--top", "3", "--out", dir.resolve("npy").toString());
        assertThat(npy.exitCode()).as(npy.err()).isZero();
        assertThat(Files.readString(dir.resolve("npy/influence.json")))
                .isEqualTo(Files.readString(dir.resolve("idx/influence.json")));
        dev.glassbox.core.input.NpyWriter.write(new float[6], dev.glassbox.core.model.Shape.of(2, 3), images);
        Cli flat = Cli.run("inspect", "influence", "--model", DEMO.resolve("model").toString(), "--input",
                Cli.fixture("batch.npy").toString(), "--train-images", images.toString(), "--train-labels",
                labels.toString(), "--out", dir.resolve("flat").toString());
        assertThat(flat.exitCode()).isEqualTo(2);
        assertThat(flat.err()).contains("expected N×C×H×W");
    }

    /** LiSSA's stochastic series, deep enough, gives the factored Hessian's proponents and effects, seeded. */
    @Test
    void lissaApproachesTheFactoredHessian(@TempDir Path dir) throws IOException {
        // a strong L2 keeps the damped Hessian well conditioned, so that 100 terms of the series converge; mini-batches
        // of 3,000 draws (with replacement) from 30 images keep the stochastic error small
        String[] lissa = {"--l2", "1", "--solver", "lissa", "--lissa-depth", "100", "--lissa-batch", "3000", "--seed",
            "4"};
        Cli exact = run(dir.resolve("exact"), 30, DEMO.resolve(BundledDemo.LABELS), "--l2", "1");
        assertThat(exact.exitCode()).as(exact.err()).isZero();
        Cli first = run(dir.resolve("lissa"), 30, DEMO.resolve(BundledDemo.LABELS), lissa);
        assertThat(first.exitCode()).as(first.err()).isZero();
        run(dir.resolve("again"), 30, DEMO.resolve(BundledDemo.LABELS), lissa);
        String json = Files.readString(dir.resolve("lissa/influence.json"));
        assertThat(json).isEqualTo(Files.readString(dir.resolve("again/influence.json")));
        JsonObject a = JsonParser.parseString(Files.readString(dir.resolve("exact/influence.json"))).getAsJsonObject();
        JsonObject b = JsonParser.parseString(json).getAsJsonObject();
        assertThat(a.get("inverseResidual").getAsDouble()).isLessThan(1e-10);
        assertThat(b.get("solver").getAsString()).isEqualTo("lissa");
        assertThat(b.get("inverseResidual").getAsDouble()).isBetween(1e-12, 0.02);
        for (int t = 0; t < 3; t++) {
            var expected = a.getAsJsonArray("predictions").get(t).getAsJsonObject().getAsJsonArray("proponents");
            var found = b.getAsJsonArray("predictions").get(t).getAsJsonObject().getAsJsonArray("proponents");
            for (int k = 0; k < expected.size(); k++) {
                JsonObject e = expected.get(k).getAsJsonObject();
                JsonObject f = found.get(k).getAsJsonObject();
                assertThat(f.get("trainingIndex").getAsInt()).isEqualTo(e.get("trainingIndex").getAsInt());
                assertThat(f.get("effect").getAsDouble()).isCloseTo(e.get("effect").getAsDouble(),
                        org.assertj.core.api.Assertions.withinPercentage(2));
            }
        }
    }
}
