package dev.glassbox.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.glassbox.cli.demo.BundledDemo;
import dev.glassbox.cli.demo.GenerativeDemo;
import dev.glassbox.core.input.IdxWriter;
import dev.glassbox.core.input.LabelledImages;
import dev.glassbox.core.render.HtmlReport;
import dev.glassbox.djl.model.BlockModel;
import dev.glassbox.djl.zoo.SavedModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code glassbox train gan|wgan|wgan-gp}: a two-step run writes a loadable generator with its pictures and metrics,
 * bad settings are refused with exit code 2; and the demo's generative section from the bundled generator.
 */
class GenerativeCommandsTest {
    @TempDir
    Path dir;

    @Test
    void aShortRunWritesALoadableGeneratorItsPicturesAndItsMetrics() throws IOException {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        try (BundledDemo bundle = BundledDemo.unpack()) {
            LabelledImages images = bundle.images();
            for (String prefix : new String[] {"train", "t10k"}) {
                IdxWriter.write(images, data.resolve(prefix + "-images-idx3-ubyte"),
                        data.resolve(prefix + "-labels-idx1-ubyte"));
            }
        }
        Path out = dir.resolve("wgan-gp");
        Cli cli = Cli.run("train", "wgan-gp", "--data", data.toString(), "--iterations", "2", "--batch-size", "8",
                "--critic-steps", "2", "--samples", "40", "--seed", "3", "--out", out.toString());
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("trained wgan-gp for 2 iterations", "real-vs-real floor");
        JsonObject metrics = JsonParser.parseString(Files.readString(out.resolve("metrics.json"))).getAsJsonObject();
        assertThat(metrics.get("loss").getAsString()).isEqualTo("wgan-gp");
        assertThat(metrics.getAsJsonObject("settings").get("penaltyWeight").getAsDouble()).isEqualTo(10);
        assertThat(metrics.get("frechetDistance").getAsDouble()).isGreaterThan(metrics.get("realFloor").getAsDouble());
        int counted = metrics.getAsJsonObject("classCounts").entrySet().stream()
                .mapToInt(e -> e.getValue().getAsInt()).sum();
        assertThat(counted).isEqualTo(40);
        assertThat(Files.size(out.resolve("grid.png"))).isPositive();
        assertThat(Files.size(out.resolve("interpolation.png"))).isPositive();
        try (BlockModel generator = SavedModels.load(out, 10)) {
            assertThat(generator.inputShape().dims()).containsExactly(64);
            assertThat(generator.outputSize()).isEqualTo(784);
        }
    }

    @Test
    void badSettingsAndUnknownLossesExitWithTwoAndOneLine() {
        Cli zero = Cli.run("train", "wgan", "--iterations", "0", "--out", dir.toString());
        assertThat(zero.exitCode()).isEqualTo(2);
        assertThat(zero.err()).contains("0 iterations");
        Cli batch = Cli.run("train", "gan", "--batch-size", "-4", "--out", dir.toString());
        assertThat(batch.exitCode()).isEqualTo(2);
        assertThat(batch.err()).contains("batch size -4");
        Cli clip = Cli.run("train", "wgan", "--clip", "0", "--out", dir.toString());
        assertThat(clip.exitCode()).isEqualTo(2);
        assertThat(clip.err()).contains("clipping bound");
        Cli unknown = Cli.run("train", "dcgan");
        assertThat(unknown.exitCode()).isEqualTo(2);
    }

    @Test
    void theDemoSectionMeasuresTheBundledGeneratorAsTrainedWithEveryClassPresent() throws IOException {
        HtmlReport report = new HtmlReport("test", "generative");
        JsonObject saved;
        try (BundledDemo bundle = BundledDemo.unpack(); BlockModel classifier = SavedModels.load(bundle.modelDir(), 100)) {
            GenerativeDemo.addTo(bundle, classifier, dir.resolve("generative"), report);
            saved = JsonParser.parseString(Files.readString(bundle.generatorDir().resolve("metrics.json")))
                    .getAsJsonObject();
        }
        JsonObject classes = JsonParser.parseString(Files.readString(dir.resolve("generative/classes.json")))
                .getAsJsonObject();
        assertThat(classes.keySet()).hasSize(10);
        int total = classes.entrySet().stream().mapToInt(e -> e.getValue().getAsInt()).sum();
        assertThat(total).isEqualTo(GenerativeDemo.SAMPLES).isEqualTo(saved.get("samples").getAsInt());
        // the same codes as at training time: the counts the training run saved, up to a few borderline images that
        // another CPU's arithmetic may tip; and the bundled generator's samples fall in every class
        JsonObject savedCounts = saved.getAsJsonObject("classCounts");
        for (String name : classes.keySet()) {
            assertThat(classes.get(name).getAsInt()).as(name)
                    .isCloseTo(savedCounts.get(name).getAsInt(), org.assertj.core.api.Assertions.within(3))
                    .isPositive();
        }
        assertThat(report.render()).contains("Generative models", "Fréchet distance", "data:image/png;base64");
        assertThat(Files.size(dir.resolve("generative/interpolation.png"))).isPositive();
    }
}
