package dev.glassbox.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.glassbox.cli.demo.BundledDemo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfluenceCommandTest {
    private static final Path DEMO = Path.of("src/main/resources/dev/glassbox/cli/demo");

    private static Cli run(Path out, String... extra) {
        String[] base = {"inspect", "influence", "--model", DEMO.resolve("model").toString(), "--input",
            Cli.fixture("batch.npy").toString(), "--train-images", DEMO.resolve(BundledDemo.IMAGES).toString(),
            "--train-labels", DEMO.resolve(BundledDemo.LABELS).toString(), "--train-count", "120", "--top", "3",
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
}
