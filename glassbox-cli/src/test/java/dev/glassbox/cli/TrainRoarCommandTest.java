package dev.glassbox.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.glassbox.cli.demo.BundledDemo;
import dev.glassbox.core.input.IdxWriter;
import dev.glassbox.core.input.LabelledImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainRoarCommandTest {

    private static double accuracy(JsonObject curves, String ranking) {
        return curves.getAsJsonObject(ranking).getAsJsonArray("accuracies").get(0).getAsDouble();
    }

    @Test
    void aRandomMapAndTwoRandomRankingsRunBesideTheMethodsAndTheirSpreadIsReported(@TempDir Path dir)
            throws IOException {
        try (BundledDemo bundle = BundledDemo.unpack()) {
            LabelledImages images = bundle.images();
            IdxWriter.write(images, dir.resolve("train-images-idx3-ubyte.gz"), dir.resolve("train-labels-idx1-ubyte.gz"));
            IdxWriter.write(images, dir.resolve("t10k-images-idx3-ubyte.gz"), dir.resolve("t10k-labels-idx1-ubyte.gz"));
        }
        Path out = dir.resolve("roar");
        Cli run = Cli.run("train", "roar", "--data", dir.toString(), "--limit", "96", "--test-limit", "64",
                "--epochs", "1", "--batch-size", "32", "--methods", "saliency,random-map", "--fractions", "0.5",
                "--steps", "4", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonObject json = JsonParser.parseString(Files.readString(out.resolve("roar.json"))).getAsJsonObject();
        JsonObject curves = json.getAsJsonObject("curves");
        assertThat(curves.keySet()).containsExactly("saliency", "random-map", "random", "random 2");
        double spread = json.getAsJsonArray("baselineSpread").get(0).getAsDouble();
        assertThat(spread).isEqualTo(Math.abs(accuracy(curves, "random") - accuracy(curves, "random 2")));
        assertThat(json.get("integratedGradientsSteps").getAsInt()).isEqualTo(4);
        assertThat(out.resolve("roar.png")).isNotEmptyFile();
        assertThat(run.out()).contains("baseline spread");

        Cli none = Cli.run("train", "roar", "--data", dir.toString(), "--baselines", "0", "--out",
                dir.resolve("none").toString());
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err().strip()).contains("at least one random ranking").doesNotContain("\n");
    }
}
