package dev.glassbox.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.glassbox.core.input.ImageOptions;
import dev.glassbox.core.input.ImageReader;
import dev.glassbox.core.model.Shape;
import dev.glassbox.core.model.Target;
import dev.glassbox.core.model.ModelOptions;
import dev.glassbox.djl.model.TorchScriptModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplainCommandTest {

    private static JsonObject read(Path file) throws IOException {
        return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    }


    @Test
    void writesJsonPngAndIndexForEachMethod(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("explained");
        Cli result = Cli.run("explain", "--model", Cli.fixture("cnn.pt").toString(), "--split", "--input",
                Cli.fixture("sample.png").toString(), "--method", "saliency,ig,gradcam,smoothgrad",
                "--target", "3", "--steps", "16", "--samples", "4", "--out", out.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        for (String method : new String[] {"saliency", "ig", "gradcam", "smoothgrad"}) {
            assertThat(out.resolve("sample." + method + ".json")).isRegularFile();
            assertThat(Files.readAllBytes(out.resolve("sample." + method + ".png"))).startsWith(0x89, 'P', 'N', 'G');
        }
        JsonObject saliency = read(out.resolve("sample.saliency.json"));
        assertThat(saliency.get("method").getAsString()).isEqualTo("saliency");
        assertThat(saliency.get("target").getAsInt()).isEqualTo(3);
        assertThat(saliency.getAsJsonArray("shape").toString()).isEqualTo("[1,28,28]");
        float[] image = ImageReader.read(Cli.fixture("sample.png"), ImageOptions.defaults()).values();
        try (TorchScriptModel model = TorchScriptModel.load(Cli.fixture("cnn.pt"), ModelOptions.withShape(Shape.of(1, 28, 28)))) {
            float[] gradient = model.inputGradient(new float[][] {image}, Target.index(3))[0];
            assertThat(Cli.floats(saliency.getAsJsonArray("values"))).containsExactly(gradient, within(1e-7f));
        }
        JsonObject ig = read(out.resolve("sample.ig.json"));
        assertThat(ig.getAsJsonObject("params").get("steps").getAsInt()).isEqualTo(16);
        assertThat(ig.getAsJsonObject("diagnostics").has("completenessDelta")).isTrue();
        assertThat(read(out.resolve("sample.gradcam.json")).getAsJsonArray("shape").toString()).isEqualTo("[1,28,28]");
        assertThat(Files.readString(out.resolve("index.html"))).contains("<table>").contains("gradcam");
    }

    /** A failed run exits 2 and leaves neither the output folder nor a staging folder behind. */
    private static void assertRefused(Path dir, String message, String... args) throws IOException {
        Cli result = Cli.run(args);
        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.err()).contains(message);
        assertThat(dir.resolve("out")).doesNotExist();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.filter(p -> p.getFileName().toString().contains("partial"))).isEmpty();
        }
    }

    @Test
    void methodsTheModelCannotSupportAreRefusedWithoutPartialOutput(@TempDir Path dir) throws IOException {
        String png = Cli.fixture("sample.png").toString();
        String out = dir.resolve("out").toString();
        assertRefused(dir, "tuple", "explain", "--model", Cli.fixture("cnn_tuple.pt").toString(), "--input", png,
                "--method", "ig", "--out", out);
        assertRefused(dir, "opaque", "explain", "--model", Cli.fixture("cnn.pt").toString(), "--input", png,
                "--method", "guided-backprop", "--out", out);
        assertRefused(dir, "needs a layer", "explain", "--model", Cli.fixture("cnn.pt").toString(), "--input", png,
                "--method", "gradcam", "--out", out);
        assertRefused(dir, "unknown method 'lrp'", "explain", "--model", Cli.fixture("cnn.pt").toString(), "--input", png,
                "--method", "lrp", "--out", out);
        assertRefused(dir, "out of range", "explain", "--model", Cli.fixture("cnn.pt").toString(), "--input", png,
                "--method", "saliency", "--target", "42", "--out", out);
    }
}
