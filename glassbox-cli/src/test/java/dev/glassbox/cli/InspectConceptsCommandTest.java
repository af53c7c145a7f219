package dev.glassbox.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.glassbox.cli.demo.BundledDemo;
import dev.glassbox.core.input.IdxReader;
import dev.glassbox.core.input.LabelledImages;
import dev.glassbox.core.input.NpyWriter;
import dev.glassbox.core.model.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TCAV, dissection and dataset examples as a new user runs them on models glassbox did not build: the fixture CNN
 * as a split TorchScript file and as an ONNX file (the same network, so every number must agree between the two),
 * with folders of images and {@code .npy} files, and the bad inputs a new user makes.
 */
class InspectConceptsCommandTest {
    private static final Path DEMO = Path.of("src/main/resources/dev/glassbox/cli/demo");
    private static final Shape IMAGE = Shape.of(1, 28, 28);
    private static final String[] TORCHSCRIPT = {"--model", Cli.fixture("cnn.pt").toString(), "--split",
        "--input-shape", "1,28,28"};
    private static final String[] ONNX = {"--model", Cli.fixture("cnn.onnx").toString()};

    @TempDir
    static Path sets;

    /** 20 bundled test images, a concept of 10 vertical-stripe images, and 11 random sets of 10 noise images each. */
    @BeforeAll
    static void writeSets() throws IOException {
        LabelledImages bundled = IdxReader.read(DEMO.resolve(BundledDemo.IMAGES), DEMO.resolve(BundledDemo.LABELS));
        Files.createDirectories(sets.resolve("inputs"));
        for (int i = 0; i < 20; i++) {
            NpyWriter.write(bundled.image(i), IMAGE, sets.resolve("inputs").resolve("image" + i + ".npy"));
        }
        Random random = new Random(9);
        Files.createDirectories(sets.resolve("stripes"));
        for (int i = 0; i < 10; i++) {
            float[] stripes = new float[784];
            int period = 3 + random.nextInt(4);
            for (int p = 0; p < 784; p++) {
                stripes[p] = (p % 28) % period < period / 2 ? 1 : 0;
            }
            NpyWriter.write(stripes, IMAGE, sets.resolve("stripes").resolve("s" + i + ".npy"));
        }
        for (int r = 0; r < 11; r++) {
            Path dir = Files.createDirectories(sets.resolve("random" + r));
            for (int i = 0; i < 10; i++) {
                float[] noise = new float[784];
                for (int p = 0; p < 784; p++) {
                    noise[p] = random.nextFloat();
                }
                NpyWriter.write(noise, IMAGE, dir.resolve("n" + i + ".npy"));
            }
        }
        Files.createDirectories(sets.resolve("empty"));
    }

    private static String[] args(String[] model, String... rest) {
        List<String> all = new ArrayList<>(List.of(rest[0], rest[1]));
        all.addAll(List.of(model));
        all.addAll(List.of(rest).subList(2, rest.length));
        return all.toArray(String[]::new);
    }

    private static String[] tcav(String[] model, String layer, String concept, int randomSets, Path out) {
        List<String> rest = new ArrayList<>(List.of("inspect", "tcav", "--layers", layer, "--class", "0", "--inputs",
                sets.resolve("inputs").toString(), "--concept", "stripes=" + sets.resolve(concept), "--runs", "5",
                "--seed", "3", "--out", out.toString(), "--random"));
        for (int r = 0; r < randomSets; r++) {
            rest.add(sets.resolve("random" + r).toString());
        }
        return args(model, rest.toArray(String[]::new));
    }

    private static Cli ok(String... args) {
        Cli result = Cli.run(args);
        assertThat(result.exitCode()).as(result.err()).isZero();
        return result;
    }

    private static void refused(String expected, String... args) {
        Cli result = Cli.run(args);
        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.err().strip().lines()).as(result.err()).hasSize(1);
        assertThat(result.err()).contains(expected).doesNotContain("Exception");
    }

    private static JsonObject json(Path file) throws IOException {
        return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    }

    @Test
    void tcavGivesTheSameScoresOnTheTorchScriptAndOnnxFormsOfOneNetworkAndRepeatsThemExactly(@TempDir Path dir)
            throws IOException {
        ok(tcav(TORCHSCRIPT, "features", "stripes", 6, dir.resolve("pt")));
        ok(tcav(TORCHSCRIPT, "features", "stripes", 6, dir.resolve("pt-again")));
        ok(tcav(ONNX, "/Relu_1", "stripes", 6, dir.resolve("onnx")));
        assertThat(Files.readString(dir.resolve("pt/tcav.json")))
                .isEqualTo(Files.readString(dir.resolve("pt-again/tcav.json")));
        JsonObject pt = json(dir.resolve("pt/tcav.json")).getAsJsonArray("results").get(0).getAsJsonObject();
        JsonObject onnx = json(dir.resolve("onnx/tcav.json")).getAsJsonArray("results").get(0).getAsJsonObject();
        assertThat(Cli.floats(onnx.getAsJsonArray("scores"))).containsExactly(Cli.floats(pt.getAsJsonArray("scores")),
                within(1e-6f));
        assertThat(onnx.get("pValue").getAsDouble()).isCloseTo(pt.get("pValue").getAsDouble(), within(1e-9));
        assertThat(Files.readString(dir.resolve("onnx/index.html"))).contains("TCAV scores", "stripes", "/Relu_1");
    }

    @Test
    void dissectionFindsTheSameDetectorsOnBothFormsAndRepeatsThemExactly(@TempDir Path dir) throws IOException {
        ok(args(TORCHSCRIPT, "inspect", "dissect", "--layers", "features", "--images", "60", "--out",
                dir.resolve("pt").toString()));
        ok(args(TORCHSCRIPT, "inspect", "dissect", "--layers", "features", "--images", "60", "--out",
                dir.resolve("pt-again").toString()));
        ok(args(ONNX, "inspect", "dissect", "--layers", "/Relu_1", "--images", "60", "--out",
                dir.resolve("onnx").toString()));
        assertThat(Files.readString(dir.resolve("pt/dissection.json")))
                .isEqualTo(Files.readString(dir.resolve("pt-again/dissection.json")));
        JsonArray pt = json(dir.resolve("pt/dissection.json")).getAsJsonArray("layers").get(0).getAsJsonObject()
                .getAsJsonArray("units");
        JsonArray onnx = json(dir.resolve("onnx/dissection.json")).getAsJsonArray("layers").get(0).getAsJsonObject()
                .getAsJsonArray("units");
        assertThat(onnx).hasSize(pt.size());
        for (int u = 0; u < pt.size(); u++) {
            JsonObject a = pt.get(u).getAsJsonObject();
            JsonObject b = onnx.get(u).getAsJsonObject();
            assertThat(b.get("concept").getAsString()).isEqualTo(a.get("concept").getAsString());
            assertThat(b.get("iou").getAsDouble()).isCloseTo(a.get("iou").getAsDouble(), within(1e-3));
        }
        assertThat(Files.list(dir.resolve("onnx")).map(f -> f.getFileName().toString()))
                .contains("index.html", "dissection.json", "dissection-1-_Relu_1.png", "concept-image-0.png");
    }

    @Test
    void datasetExamplesReadAFolderAsTheFilesInIt(@TempDir Path dir) throws IOException {
        ok(args(ONNX, "inspect", "examples", "--layer", "/Relu_1", "--units", "0-1", "--top", "3", "--data",
                sets.resolve("inputs").toString(), "--out", dir.resolve("folder").toString()));
        List<String> files = new ArrayList<>(List.of(args(ONNX, "inspect", "examples", "--layer", "/Relu_1",
                "--units", "0-1", "--top", "3", "--out", dir.resolve("files").toString(), "--data")));
        try (var listing = Files.list(sets.resolve("inputs"))) {
            listing.sorted().forEach(f -> files.add(f.toString()));
        }
        ok(files.toArray(String[]::new));
        assertThat(Files.readString(dir.resolve("folder/examples.json")))
                .isEqualTo(Files.readString(dir.resolve("files/examples.json")));
        assertThat(json(dir.resolve("folder/examples.json")).getAsJsonArray("units").get(0).getAsJsonObject()
                .getAsJsonObject("examples").get("dataSize").getAsInt()).isEqualTo(20);
    }

    @Test
    void aNewUsersBadInputIsAOneLineErrorWithExitCode2(@TempDir Path dir) {
        refused("no layer named 'relu9'", tcav(ONNX, "relu9", "stripes", 6, dir.resolve("a")));
        refused("only the layer 'features'", tcav(TORCHSCRIPT, "conv1", "stripes", 6, dir.resolve("b")));
        refused("is empty", tcav(ONNX, "/Relu_1", "empty", 6, dir.resolve("c")));
        refused("needs at least 6 --random folders", tcav(TORCHSCRIPT, "features", "stripes", 3, dir.resolve("d")));
        refused("with --split", "inspect", "dissect", "--model", Cli.fixture("cnn.pt").toString(), "--input-shape",
                "1,28,28", "--layers", "features", "--out", dir.resolve("e").toString());
        refused("needs a layer with units × height × width outputs", args(ONNX, "inspect", "dissect", "--layers",
                "/Relu_1,/fc/Gemm", "--images", "20", "--out", dir.resolve("f").toString()));
        refused("is out of range", args(ONNX, "inspect", "visualize", "--layer", "/Relu_1", "--units", "0-99",
                "--steps", "2", "--out", dir.resolve("g").toString()));
    }
}
