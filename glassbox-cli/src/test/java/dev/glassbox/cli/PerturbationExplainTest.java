package dev.glassbox.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.glassbox.cli.demo.BundledDemo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PerturbationExplainTest {

    private static JsonObject read(Path file) throws IOException {
        return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    }

    @Test
    void kernelShapOnATabularLinearModelIsExactAndNamesItsColumns(@TempDir Path dir) throws IOException {
        // y = W x + b: with one background row r, φ_i = W_ki (x_i − r_i)
        Path rows = Files.writeString(dir.resolve("rows.csv"), "age,income,debt,score\n0.5,-1.5,2,0.25\n");
        Path background = Files.writeString(dir.resolve("background.csv"), "age,income,debt,score\n0.1,0.2,0.3,0.4\n");
        Path out = dir.resolve("out");
        Cli result = Cli.run("explain", "--model", Cli.fixture("linear.onnx").toString(), "--input-shape", "4",
                "--input", rows.toString(), "--method", "kernel-shap,occlusion", "--target", "1",
                "--background", background.toString(), "--out", out.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonObject shap = read(out.resolve("rows-1.kernel-shap.json"));
        assertThat(shap.getAsJsonArray("featureNames").toString()).isEqualTo("[\"age\",\"income\",\"debt\",\"score\"]");
        float[] weights = Cli.floats(JsonParser.parseString(Files.readString(Cli.fixture("reference.json")))
                .getAsJsonObject().getAsJsonObject("linear").getAsJsonArray("weight"));
        float[] x = {0.5f, -1.5f, 2f, 0.25f};
        float[] r = {0.1f, 0.2f, 0.3f, 0.4f};
        float[] phi = Cli.floats(shap.getAsJsonArray("values"));
        for (int i = 0; i < 4; i++) {
            assertThat(phi[i]).isCloseTo(weights[4 + i] * (x[i] - r[i]), within(1e-5f));
        }
        assertThat(shap.getAsJsonObject("diagnostics").get("additivityError").getAsDouble()).isLessThan(1e-5);
        // occlusion with 1-wide windows against the same background: the same closed form
        float[] occlusion = Cli.floats(read(out.resolve("rows-1.occlusion.json")).getAsJsonArray("values"));
        for (int i = 0; i < 4; i++) {
            assertThat(occlusion[i]).isCloseTo(weights[4 + i] * (x[i] - r[i]), within(1e-5f));
        }
        assertThat(Files.readAllBytes(out.resolve("rows-1.kernel-shap.png"))).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void perturbationMethodsExplainAnOnnxImageModel(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out");
        Cli result = Cli.run("explain", "--model", Cli.fixture("cnn.onnx").toString(), "--input",
                Cli.fixture("sample.png").toString(), "--method", "occlusion,shapley-exact", "--segments", "slic:6",
                "--window", "7,7", "--stride", "7,7", "--out", out.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonObject occlusion = read(out.resolve("sample.occlusion.json"));
        assertThat(occlusion.getAsJsonArray("shape").toString()).isEqualTo("[1,28,28]");
        JsonObject exact = read(out.resolve("sample.shapley-exact.json"));
        float[] phi = Cli.floats(exact.getAsJsonArray("values"));
        double sum = 0;
        for (float v : phi) {
            sum += v;
        }
        JsonObject diagnostics = exact.getAsJsonObject("diagnostics");
        // efficiency: the values add up to f(x) − f(baseline)
        assertThat(sum).isCloseTo(diagnostics.get("modelPrediction").getAsDouble()
                - diagnostics.get("expectedValue").getAsDouble(), within(1e-4));
    }

    @Test
    void predictionDifferenceAnalysisSamplesWindowsFromTrainingImages(@TempDir Path dir) throws Exception {
        String images = Path.of(PerturbationExplainTest.class.getResource("/dev/glassbox/cli/demo/"
                + BundledDemo.IMAGES).toURI()).toString();
        for (String sampling : new String[] {"marginal", "conditional"}) {
            Path out = dir.resolve(sampling);
            Cli result = Cli.run("explain", "--model", Cli.fixture("cnn.onnx").toString(), "--input",
                    Cli.fixture("sample.png").toString(), "--method", "pda", "--pda-sampling", sampling, "--window", "7",
                    "--stride", "7", "--padding", "2", "--samples", "3", "--background", images, "--out",
                    out.toString());
            assertThat(result.exitCode()).as(result.err()).isZero();
            JsonObject pda = read(out.resolve("sample.pda.json"));
            assertThat(pda.get("method").getAsString()).isEqualTo("pda");
            assertThat(pda.getAsJsonArray("shape").toString()).isEqualTo("[1,28,28]");
            JsonObject params = pda.getAsJsonObject("params");
            assertThat(params.get("sampling").getAsString()).isEqualTo(sampling);
            assertThat(params.get("window").getAsInt()).isEqualTo(7);
            assertThat(params.get("trainingCount").getAsLong()).isEqualTo(200);
            assertThat(pda.getAsJsonObject("diagnostics").get("windows").getAsDouble()).isEqualTo(16);
            assertThat(Files.readAllBytes(out.resolve("sample.pda.png"))).startsWith(0x89, 'P', 'N', 'G');
        }
        Cli missing = Cli.run("explain", "--model", Cli.fixture("cnn.onnx").toString(), "--input",
                Cli.fixture("sample.png").toString(), "--method", "pda", "--out", dir.resolve("none").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("--background");
    }

    @Test
    void limeOnTabularDataNeedsItsTrainingRows(@TempDir Path dir) throws IOException {
        Path rows = Files.writeString(dir.resolve("rows.csv"), "a,b,c,d\n0.5,-1.5,2,0.25\n");
        Cli result = Cli.run("explain", "--model", Cli.fixture("linear.onnx").toString(), "--input-shape", "4",
                "--input", rows.toString(), "--method", "lime", "--out", dir.resolve("out").toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--background");
    }
}
