package dev.glassbox.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SanityCommandTest {
    private static final String MODEL = Cli.fixture("cnn.pt").toString();
    private static final String INPUT = Cli.fixture("batch.npy").toString();
    private static final String SHAPE = "1,28,28";

    private static JsonObject run(Path out, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("sanity", "--model", MODEL, "--input", INPUT, "--input-shape",
                SHAPE, "--curve-steps", "7",
                "--infidelity-samples", "8", "--sensitivity-samples", "2", "--samples", "4", "--seed", "3",
                "--out", out.toString()));
        args.addAll(List.of(extra));
        Cli result = Cli.run(args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("sanity checks of");
        return JsonParser.parseString(Files.readString(out.resolve("sanity.json"))).getAsJsonObject();
    }

    @Test
    void writesEveryCheckAndComparesAModelWithItselfAsIdentical(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("sanity");
        // the same file as the model, the permuted-label model and the clean reference: every comparison must agree
        JsonObject json = run(out, "--method", "saliency,smoothgrad", "--permuted-model", MODEL, "--patch", "0,0,4",
                "--reference-model", MODEL);

        JsonObject randomisation = json.getAsJsonObject("randomisation");
        assertThat(randomisation.get("mode").getAsString()).isEqualTo("cascading");
        assertThat(randomisation.getAsJsonArray("steps").toString())
                .isEqualTo("[\"original\",\"fc\",\"conv2\",\"bn1\",\"conv1\"]");
        JsonArray spearman = randomisation.getAsJsonObject("similarity").getAsJsonObject("saliency")
                .getAsJsonObject("spearman").getAsJsonArray("mean");
        assertThat(spearman.get(0).getAsDouble()).isEqualTo(1.0);
        assertThat(spearman.get(4).getAsDouble()).isLessThan(0.9);

        JsonObject faithfulness = json.getAsJsonObject("faithfulness");
        assertThat(faithfulness.keySet()).containsExactly("saliency", "smoothgrad", "random");
        assertThat(faithfulness.getAsJsonObject("random").keySet())
                .containsExactly("deletionAuc", "insertionAuc", "infidelity", "maxSensitivity");

        JsonObject data = json.getAsJsonObject("dataRandomisation").getAsJsonObject("similarity");
        for (String metric : data.getAsJsonObject("saliency").keySet()) {
            assertThat(data.getAsJsonObject("saliency").getAsJsonObject(metric).get("mean").getAsDouble())
                    .as(metric).isCloseTo(1, within(1e-9));
        }
        JsonObject shares = json.getAsJsonObject("spuriousCue").getAsJsonObject("massShare");
        assertThat(shares.getAsJsonObject("saliency").get("model").getAsDouble())
                .isEqualTo(shares.getAsJsonObject("saliency").get("reference model").getAsDouble());
        for (String measure : List.of("pointingGame", "energyOnPatch")) {
            JsonObject saliency = json.getAsJsonObject("spuriousCue").getAsJsonObject(measure).getAsJsonObject("saliency");
            assertThat(saliency.get("model").getAsDouble()).isEqualTo(saliency.get("reference model").getAsDouble());
        }
        assertThat(json.getAsJsonObject("spuriousCue").get("areaShare").getAsDouble())
                .isCloseTo(16 / 784.0, within(1e-12));

        for (String file : List.of("index.html", "deletion.png", "insertion.png", "similarity-ssim.png",
                "similarity-spearman-abs.png", "similarity-hog.png", "similarity-top-k.png")) {
            assertThat(out.resolve(file)).isNotEmptyFile();
        }
        assertThat(Files.readString(out.resolve("index.html"))).contains("Model-parameter randomisation")
                .contains("Faithfulness").contains("Data randomisation").contains("Spurious cue")
                .doesNotContain("<script");
    }

    @Test
    void independentRandomisationOfChosenLayers(@TempDir Path dir) throws IOException {
        JsonObject json = run(dir.resolve("sanity"), "--split", "--method", "gradcam", "--independent", "--layers",
                "conv1,fc", "--skip", "faithfulness");
        assertThat(json.keySet()).doesNotContain("faithfulness");
        JsonObject randomisation = json.getAsJsonObject("randomisation");
        assertThat(randomisation.get("mode").getAsString()).isEqualTo("independent");
        assertThat(randomisation.getAsJsonArray("steps").toString()).isEqualTo("[\"original\",\"conv1\",\"fc\"]");
    }

    @Test
    void badRequestsAreRefusedWithoutOutput(@TempDir Path dir) {
        String out = dir.resolve("out").toString();
        assertRefused("no layer with parameters named 'conv9'", "--layers", "fc,conv9", "--out", out);
        assertRefused("mutually exclusive", "--cascade", "--independent", "--out", out);
        assertRefused("--reference-model needs --patch", "--reference-model", MODEL, "--out", out);
        assertRefused("does not fit", "--patch", "26,26,4", "--out", out);
        assertRefused("--skip takes randomisation or faithfulness", "--skip", "patch", "--out", out);
        Cli onnx = Cli.run("sanity", "--model", Cli.fixture("cnn.onnx").toString(), "--input", INPUT, "--method",
                "saliency", "--out", out);
        assertThat(onnx.exitCode()).isEqualTo(2);
        assertThat(onnx.err()).contains("parameters glassbox can reach");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    /** Runs sanity with saliency on the fixture and {@code extra}, and expects exit code 2 and {@code message}. */
    private static void assertRefused(String message, String... extra) {
        List<String> args = new ArrayList<>(List.of("sanity", "--model", MODEL, "--input", INPUT, "--input-shape",
                SHAPE, "--method", "saliency"));
        args.addAll(List.of(extra));
        Cli result = Cli.run(args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.err()).contains(message);
    }
}
