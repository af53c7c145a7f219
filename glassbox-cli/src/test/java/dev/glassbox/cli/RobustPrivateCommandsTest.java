package dev.glassbox.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.glassbox.cli.demo.BundledDemo;
import dev.glassbox.cli.demo.RobustDemo;
import dev.glassbox.core.input.IdxWriter;
import dev.glassbox.core.render.HtmlReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** glassbox extract, the robust and private training options' bad input, and the demo's robustness section. */
class RobustPrivateCommandsTest {

    @Test
    void extractWritesAgreementForEachSettingAndIsReproducible(@TempDir Path dir) throws IOException {
        String[] args = {"extract", "--inputs", "4", "--hidden", "5", "--queries", "30", "--noise", "1",
            "--held-out", "300", "--iterations", "150", "--out", dir.resolve("a").toString()};
        Cli cli = Cli.run(args);
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        String json = Files.readString(dir.resolve("a/extraction.json"));
        JsonArray results = JsonParser.parseString(json).getAsJsonObject().getAsJsonArray("results");
        assertThat(results).hasSize(3);
        for (var r : results) {
            JsonObject o = r.getAsJsonObject();
            assertThat(o.get("queries").getAsInt()).isEqualTo(30);
            assertThat(o.get("agreement").getAsDouble()).isBetween(0.0, 1.0);
        }
        assertThat(results.get(2).getAsJsonObject().get("explanationCosine").getAsDouble()).isLessThan(1.0);
        JsonObject reconstruction = JsonParser.parseString(json).getAsJsonObject().getAsJsonObject("reconstruction");
        assertThat(reconstruction.get("unitsFound").getAsInt()).isEqualTo(5);
        assertThat(reconstruction.get("agreement").getAsDouble()).isEqualTo(1.0);
        assertThat(reconstruction.get("queries").getAsInt()).isBetween(5, 30);
        args[args.length - 1] = dir.resolve("b").toString();
        assertThat(Cli.run(args).exitCode()).isZero();
        assertThat(Files.readString(dir.resolve("b/extraction.json"))).isEqualTo(json);
    }

    /**
     * Copying the bundled CNN from the bundled images (written as a Fashion-MNIST folder): one result per setting,
     * agreement measured on the held-out images, bytes repeated for one seed; too many queries exit with 2.
     */
    @Test
    void extractCopiesAnImageModelFromItsScoresAndSaliency(@TempDir Path dir) throws IOException {
        Path model;
        try (BundledDemo bundle = BundledDemo.unpack()) {
            IdxWriter.write(bundle.images(), dir.resolve("train-images-idx3-ubyte.gz"),
                    dir.resolve("train-labels-idx1-ubyte.gz"));
            IdxWriter.write(bundle.images(), dir.resolve("t10k-images-idx3-ubyte.gz"),
                    dir.resolve("t10k-labels-idx1-ubyte.gz"));
            model = dir.resolve("model");
            copyTree(bundle.modelDir(), model);
        }
        String[] args = {"extract", "--model", model.toString(), "--data", dir.toString(), "--queries", "40",
            "--noise", "2", "--held-out", "50", "--iterations", "20", "--out", dir.resolve("a").toString()};
        Cli cli = Cli.run(args);
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        String json = Files.readString(dir.resolve("a/extraction.json"));
        JsonObject doc = JsonParser.parseString(json).getAsJsonObject();
        assertThat(doc.get("target").getAsString()).contains("saliency");
        assertThat(doc.getAsJsonObject("settings").get("copyArchitecture").getAsString()).isEqualTo("fashion-cnn-small");
        JsonArray results = doc.getAsJsonArray("results");
        assertThat(results).hasSize(3);
        for (var r : results) {
            assertThat(r.getAsJsonObject().get("agreement").getAsDouble()).isBetween(0.0, 1.0);
        }
        assertThat(results.get(1).getAsJsonObject().get("explanationCosine").getAsDouble()).isCloseTo(1.0,
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(results.get(2).getAsJsonObject().get("explanationCosine").getAsDouble()).isLessThan(0.6);
        args[args.length - 1] = dir.resolve("b").toString();
        assertThat(Cli.run(args).exitCode()).isZero();
        assertThat(Files.readString(dir.resolve("b/extraction.json"))).isEqualTo(json);
        Cli tooMany = Cli.run("extract", "--model", model.toString(), "--data", dir.toString(), "--queries", "201",
                "--out", dir.resolve("c").toString());
        assertThat(tooMany.exitCode()).isEqualTo(2);
        assertThat(tooMany.err()).contains("at most 200 queries");
        assertThat(dir.resolve("c")).doesNotExist();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    @Test
    void badRobustAndPrivateSettingsExitWithTwo(@TempDir Path dir) {
        String out = dir.resolve("m").toString();
        Cli trades = Cli.run("train", "fashion-mnist", "--adversarial", "trades", "--out", out);
        assertThat(trades.exitCode()).isEqualTo(2);
        assertThat(trades.err()).contains("expected pgd or fast");
        Cli both = Cli.run("train", "fashion-mnist", "--adversarial", "fast", "--dp-epsilon", "3", "--out", out);
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("cannot be combined");
        Cli answers = Cli.run("extract", "--answers", "weights", "--out", out);
        assertThat(answers.exitCode()).isEqualTo(2);
        assertThat(Files.exists(dir.resolve("m"))).isFalse();
    }

    /**
     * The bundled adversarially trained model keeps more of its accuracy under FGSM at ε = 0.1 than the bundled
     * standard one, on the bundled images; the section shows the three models, the extraction table and the reconstruction's bundled line.
     */
    @Test
    void robustSectionShowsTheAdversarialModelResistingFgsm(@TempDir Path dir) throws IOException {
        HtmlReport report = new HtmlReport("demo", "test");
        try (BundledDemo bundle = BundledDemo.unpack()) {
            RobustDemo.addTo(bundle, bundle.images(), dir, report);
        }
        assertThat(report.render()).contains("Is it robust? Is it private?", "PGD adversarial training", "DP-SGD",
                "Copying a model from its explanations", "77 queries, 20 of 20 units, 100.0% agreement")
                .doesNotContain("<script");
        JsonObject json = JsonParser.parseString(Files.readString(dir.resolve("robust.json"))).getAsJsonObject();
        double standard = json.getAsJsonObject("standard").get("bundledFgsmAccuracy").getAsDouble();
        double adversarial = json.getAsJsonObject("adversarial").get("bundledFgsmAccuracy").getAsDouble();
        assertThat(adversarial).isGreaterThan(standard + 0.1);
        // the privacy sweep: privacy costs accuracy (72–74% on the test set at ε = 1–8 against 88% without)
        assertThat(report.render()).contains("Explanations at ε = 1, 3, 8 and ∞", "saliency, ε = 8");
        JsonObject sweep = json.getAsJsonObject("privacySweep");
        double open = sweep.getAsJsonObject("eps-inf").get("bundledAccuracy").getAsDouble();
        for (String name : new String[] {"eps-1", "eps-3", "eps-8"}) {
            assertThat(sweep.getAsJsonObject(name).get("bundledAccuracy").getAsDouble()).as(name)
                    .isLessThan(open - 0.05);
        }
    }
}
