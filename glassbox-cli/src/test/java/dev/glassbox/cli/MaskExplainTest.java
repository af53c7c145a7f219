package dev.glassbox.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.glassbox.cli.demo.BundledDemo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code explain --method extremal,meaningful} on an ONNX model glassbox has never seen, and its bad input. */
class MaskExplainTest {
    private static JsonObject read(Path file) throws IOException {
        return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    }

    private static void assertOneLine(Cli result, String expected) {
        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.err().strip().lines()).as(result.err()).hasSize(1);
        assertThat(result.err()).contains(expected).doesNotContain("Exception", "\tat ");
    }

    @Test
    void bothMaskMethodsRunAndRenderInTheGrid(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out");
        Cli result = Cli.run("explain", "--model", Cli.fixture("cnn.onnx").toString(), "--input",
                Cli.fixture("sample.png").toString(), "--method", "extremal,meaningful", "--areas", "0.05,0.2",
                "--iterations", "20", "--out", out.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonObject extremal = read(out.resolve("sample.extremal.json"));
        assertThat(extremal.getAsJsonArray("shape").toString()).isEqualTo("[28,28]");
        assertThat(extremal.getAsJsonObject("params").getAsJsonArray("areas").toString()).isEqualTo("[0.05,0.2]");
        JsonObject diagnostics = extremal.getAsJsonObject("diagnostics");
        // the clean score is the model's own, as predict reports it
        Cli predicted = Cli.run("predict", "--model", Cli.fixture("cnn.onnx").toString(), "--input",
                Cli.fixture("sample.png").toString(), "--json");
        JsonArray scores = JsonParser.parseString(predicted.out()).getAsJsonArray().get(0).getAsJsonObject()
                .getAsJsonArray("scores");
        assertThat(diagnostics.get("score").getAsDouble())
                .isCloseTo(scores.get(extremal.get("target").getAsInt()).getAsDouble(), within(1e-4));
        // the map is the mean of the masks, so its mean is the mean of the achieved areas
        double mean = 0;
        for (var v : extremal.getAsJsonArray("values")) {
            mean += v.getAsDouble() / 784;
        }
        assertThat(mean).isCloseTo((diagnostics.get("maskArea@0.05").getAsDouble()
                + diagnostics.get("maskArea@0.2").getAsDouble()) / 2, within(1e-5));
        JsonObject meaningful = read(out.resolve("sample.meaningful.json"));
        assertThat(meaningful.getAsJsonObject("diagnostics").get("deletedArea").getAsDouble()).isBetween(0.0, 1.0);
        assertThat(Files.readAllBytes(out.resolve("sample.extremal.png"))).startsWith(0x89, 'P', 'N', 'G');
        assertThat(Files.readString(out.resolve("index.html"))).contains("<th>extremal</th>", "<th>meaningful</th>");
    }

    @Test
    void areasOutsideTheOpenUnitIntervalAndPdaWindowsLargerThanTheImageExitWithOneLine(@TempDir Path dir) {
        for (String areas : new String[] {"0,0.1", "0.1,1", "1.5", "-0.2"}) {
            Cli result = Cli.run("explain", "--model", Cli.fixture("cnn.onnx").toString(), "--input",
                    Cli.fixture("sample.png").toString(), "--method", "extremal", "--areas", areas, "--out",
                    dir.resolve("a").toString());
            assertOneLine(result, "strictly between 0 and 1");
        }
        String images = Path.of("src/main/resources/dev/glassbox/cli/demo/" + BundledDemo.IMAGES).toString();
        Cli window = Cli.run("explain", "--model", Cli.fixture("cnn.onnx").toString(), "--input",
                Cli.fixture("sample.png").toString(), "--method", "pda", "--window", "29", "--background", images,
                "--out", dir.resolve("b").toString());
        assertOneLine(window, "window 29");
        assertThat(dir.resolve("a")).doesNotExist();
        assertThat(dir.resolve("b")).doesNotExist();
    }
}
