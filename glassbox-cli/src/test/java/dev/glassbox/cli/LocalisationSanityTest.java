package dev.glassbox.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code glassbox sanity --localisation} on the ONNX test network, with boxes whose scores are known. */
class LocalisationSanityTest {

    private static Cli sanity(Path out, String boxes) {
        return Cli.run("sanity", "--model", Cli.fixture("cnn.onnx").toString(), "--input",
                Cli.fixture("sample.png").toString(), "--method", "occlusion", "--window", "7,7", "--stride", "7,7",
                "--skip", "randomisation,faithfulness", "--localisation", boxes, "--pointing-tolerance", "0",
                "--out", out.toString());
    }

    @Test
    void aBoxCoveringTheWholeImageScoresEveryMapTheSame(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out");
        Cli result = sanity(out, "0,0,28,28");
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonObject methods = JsonParser.parseString(Files.readString(out.resolve("sanity.json"))).getAsJsonObject()
                .getAsJsonObject("localisation").getAsJsonObject("methods");
        assertThat(methods.keySet()).contains("occlusion", "random");
        for (String method : methods.keySet()) {
            JsonObject m = methods.getAsJsonObject(method);
            assertThat(m.get("pointingGame").getAsDouble()).as(method).isEqualTo(1.0);
            // every positive value lies in the box; the top 10% are ceil(78.4) = 79 of the 784 pixels
            if (m.get("energyInputs").getAsInt() > 0) {
                assertThat(m.get("energy").getAsDouble()).as(method).isCloseTo(1.0, within(1e-12));
            }
            assertThat(m.get("topIou").getAsDouble()).as(method).isCloseTo(79.0 / 784, within(1e-12));
        }
        assertThat(Files.readString(out.resolve("index.html"))).contains("Localisation");
    }

    @Test
    void aBoxOutsideTheImageIsRefusedBeforeAnythingRuns(@TempDir Path dir) {
        Cli result = sanity(dir.resolve("out"), "20,20,10,10");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("outside the 28×28 image");
        assertThat(sanity(dir.resolve("out2"), "1,1,2,2;3,3,2,2").err()).contains("2 boxes for 1 inputs");
        // checked before the other checks run: on an ONNX model the randomisation check would fail first
        Cli unchecked = Cli.run("sanity", "--model", Cli.fixture("cnn.onnx").toString(), "--input",
                Cli.fixture("sample.png").toString(), "--method", "saliency", "--localisation", "20,20,10,10",
                "--out", dir.resolve("out3").toString());
        assertThat(unchecked.exitCode()).isEqualTo(2);
        assertThat(unchecked.err().strip()).contains("outside the 28×28 image").doesNotContain("\n");
    }
}
