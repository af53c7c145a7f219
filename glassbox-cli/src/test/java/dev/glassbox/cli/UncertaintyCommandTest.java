package dev.glassbox.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.glassbox.cli.demo.BundledDemo;
import dev.glassbox.core.input.IdxWriter;
import dev.glassbox.core.input.LabelledImages;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UncertaintyCommandTest {
    private static final String MODEL = resource("model");
    private static final String IMAGES = resource(BundledDemo.IMAGES);
    private static final String LABELS = resource(BundledDemo.LABELS);

    /** A Fashion-MNIST folder whose training and test sets are both the 200 bundled images. */
    @TempDir
    static Path fashion;

    @BeforeAll
    static void writeData() throws IOException {
        try (BundledDemo bundle = BundledDemo.unpack()) {
            LabelledImages images = bundle.images();
            IdxWriter.write(images, fashion.resolve("train-images-idx3-ubyte.gz"),
                    fashion.resolve("train-labels-idx1-ubyte.gz"));
            IdxWriter.write(images, fashion.resolve("t10k-images-idx3-ubyte.gz"),
                    fashion.resolve("t10k-labels-idx1-ubyte.gz"));
        }
    }

    private static String resource(String name) {
        try {
            return Path.of(UncertaintyCommandTest.class.getResource("/dev/glassbox/cli/demo/" + name).toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject run(Path out, String... args) throws IOException {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--out";
        all[args.length + 1] = out.toString();
        Cli result = Cli.run(all);
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(Files.readString(out.resolve("index.html"))).startsWith("<!DOCTYPE html>").doesNotContain("<script");
        return JsonParser.parseString(Files.readString(out.resolve("metrics.json"))).getAsJsonObject();
    }

    @Test
    void temperatureScalingIsFittedOnOneHalfAndShownOnTheOther(@TempDir Path dir) throws IOException {
        JsonObject metrics = run(dir.resolve("out"), "uncertainty", "--model", MODEL, "--data", IMAGES, "--labels",
                LABELS, "--method", "temperature", "--ood", "noise,digits");
        assertThat(metrics.get("method").getAsString()).isEqualTo("temperature");
        assertThat(metrics.get("fitSamples").getAsInt()).isEqualTo(100);
        assertThat(metrics.get("evaluationSamples").getAsInt()).isEqualTo(100);
        assertThat(metrics.getAsJsonObject("after").get("nll").getAsDouble())
                .isLessThan(metrics.getAsJsonObject("before").get("nll").getAsDouble());
        assertThat(metrics.getAsJsonObject("ood").keySet()).containsExactly("noise", "digits");
        assertThat(metrics.getAsJsonObject("ood").getAsJsonObject("digits").keySet())
                .containsExactly("max-softmax", "entropy");
        for (String png : new String[] {"reliability-before.png", "reliability-after.png", "confidence-before.png",
            "confidence-after.png"}) {
            assertThat(dir.resolve("out").resolve(png)).exists();
        }
    }

    @Test
    void mcDropoutOnATorchScriptSplitModelWithoutLabels(@TempDir Path dir) throws IOException {
        JsonObject metrics = run(dir.resolve("out"), "uncertainty", "--model", Cli.fixture("cnn.pt").toString(),
                "--split", "--data", Cli.fixture("batch.npy").toString(), "--input-shape", "1,28,28", "--method",
                "mc-dropout", "--samples", "8", "--ood", "noise");
        assertThat(metrics.get("members").getAsInt()).isEqualTo(8);
        assertThat(metrics.getAsJsonObject("entropy").get("meanMutualInformation").getAsDouble()).isPositive();
        assertThat(metrics.getAsJsonObject("ood").getAsJsonObject("noise").keySet())
                .containsExactly("max-softmax", "entropy", "mutual information", "member variance");
        assertThat(metrics.has("mean")).as("no labels, no calibration").isFalse();
    }

    @Test
    void trainedAutoencoderFlagsNoise(@TempDir Path dir) throws IOException {
        Path autoencoder = dir.resolve("ae");
        Cli trained = Cli.run("train", "autoencoder", "--data", fashion.toString(), "--epochs", "12", "--batch-size",
                "32", "--out", autoencoder.toString());
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        assertThat(trained.out()).contains("trained fashion-autoencoder");
        JsonObject metrics = run(dir.resolve("out"), "uncertainty", "--model", autoencoder.toString(), "--data", IMAGES,
                "--labels", LABELS, "--method", "autoencoder");
        JsonObject ood = metrics.getAsJsonObject("ood");
        assertThat(ood.keySet()).containsExactly("noise", "flipped", "inverted", "digits");
        assertThat(ood.getAsJsonObject("noise").getAsJsonObject("reconstruction error").get("auroc").getAsDouble())
                .isGreaterThan(0.95);
    }

    @Test
    void trainedEnsembleAndBayesianCnnReportTheirMembers(@TempDir Path dir) throws IOException {
        Path ensemble = dir.resolve("ensemble");
        Cli trained = Cli.run("train", "ensemble", "--data", fashion.toString(), "--members", "2", "--epochs", "1",
                "--limit", "64", "--batch-size", "32", "--out", ensemble.toString());
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        assertThat(ensemble.resolve("ensemble.json")).exists();
        JsonObject metrics = run(dir.resolve("ensemble-out"), "uncertainty", "--model", ensemble.toString(), "--data",
                IMAGES, "--labels", LABELS, "--method", "ensemble", "--ood", "inverted");
        assertThat(metrics.get("members").getAsInt()).isEqualTo(2);
        assertThat(metrics.getAsJsonObject("mean").get("accuracy").getAsDouble()).isBetween(0.0, 1.0);

        Path bayes = dir.resolve("bayes");
        trained = Cli.run("train", "bayes", "--data", fashion.toString(), "--epochs", "1", "--limit", "64",
                "--batch-size", "32", "--draws", "2", "--out", bayes.toString());
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        metrics = run(dir.resolve("bayes-out"), "uncertainty", "--model", bayes.toString(), "--data", IMAGES,
                "--labels", LABELS, "--method", "bayes", "--samples", "4", "--ood", "flipped");
        assertThat(metrics.get("members").getAsInt()).isEqualTo(4);
        assertThat(metrics.getAsJsonObject("ood").keySet()).containsExactly("flipped");
    }

    @Test
    void badUsageExitsTwoWithAReason(@TempDir Path dir) throws IOException {
        String out = dir.resolve("out").toString();
        assertBadInput("unknown uncertainty method 'magic'", "--model", MODEL, "--data", IMAGES, "--labels", LABELS,
                "--method", "magic", "--out", out);
        assertBadInput("give --labels", "--model", MODEL, "--data", Cli.fixture("batch.npy").toString(), "--method",
                "temperature", "--out", out);
        assertBadInput("no active dropout", "--model", Cli.fixture("linear.pt").toString(), "--data",
                PredictCommandTest.npy(dir.resolve("four.npy"), new int[] {2, 4}, 0.5f).toString(), "--input-shape", "4",
                "--method", "mc-dropout", "--ood", "noise", "--out", out);
        assertBadInput("NaN", "--model", MODEL, "--data",
                PredictCommandTest.npy(dir.resolve("nan.npy"), new int[] {1, 28, 28}, Float.NaN).toString(),
                "--method", "mc-dropout", "--out", out);
        assertBadInput("needs an ensemble folder", "--model", MODEL, "--data", IMAGES, "--labels", LABELS,
                "--method", "ensemble", "--out", out);
        assertBadInput("no Bayesian layer", "--model", MODEL, "--data", IMAGES, "--labels", LABELS, "--method", "bayes",
                "--out", out);
        assertBadInput("unknown out-of-distribution set 'moon'", "--model", MODEL, "--data", IMAGES, "--labels",
                LABELS, "--method", "temperature", "--ood", "moon", "--out", out);
        assertThat(dir.resolve("out")).doesNotExist();
    }

    private static void assertBadInput(String message, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "uncertainty";
        System.arraycopy(args, 0, all, 1, args.length);
        Cli result = Cli.run(all);
        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.err()).contains(message);
    }
}
