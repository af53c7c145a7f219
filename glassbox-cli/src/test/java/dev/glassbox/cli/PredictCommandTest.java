package dev.glassbox.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.glassbox.cli.demo.BundledDemo;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictCommandTest {


    @Test
    void jsonScoresReproducePyTorchLogitsForAPng() throws IOException {
        Cli result = Cli.run("predict", "--model", Cli.fixture("cnn.pt").toString(), "--input",
                Cli.fixture("sample.png").toString(), "--json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonObject prediction = JsonParser.parseString(result.out()).getAsJsonArray().get(0).getAsJsonObject();
        JsonObject reference = JsonParser.parseString(Files.readString(Cli.fixture("reference.json")))
                .getAsJsonObject().getAsJsonObject("samplePng");
        float[] expected = Cli.floats(reference.getAsJsonArray("logits"));
        assertThat(Cli.floats(prediction.getAsJsonArray("scores"))).containsExactly(expected, within(1e-5f));
        double sum = 0;
        for (float p : Cli.floats(prediction.getAsJsonArray("probabilities"))) {
            sum += p;
        }
        assertThat(sum).isCloseTo(1.0, within(1e-6));
        int argmax = 0;
        for (int i = 1; i < expected.length; i++) {
            argmax = expected[i] > expected[argmax] ? i : argmax;
        }
        assertThat(prediction.get("predicted").getAsInt()).isEqualTo(argmax);
        assertThat(prediction.getAsJsonArray("top")).hasSize(3);
    }

    @Test
    void npyBatchGivesOneResultPerSampleAndOnnxAgreesWithTorchScript() {
        Cli torch = Cli.run("predict", "--model", Cli.fixture("cnn.pt").toString(), "--input",
                Cli.fixture("batch.npy").toString(), "--input-shape", "1,28,28", "--json");
        Cli onnx = Cli.run("predict", "--model", Cli.fixture("cnn.onnx").toString(), "--input",
                Cli.fixture("batch.npy").toString(), "--json");
        assertThat(torch.exitCode()).as(torch.err()).isZero();
        assertThat(onnx.exitCode()).as(onnx.err()).isZero();
        JsonArray a = JsonParser.parseString(torch.out()).getAsJsonArray();
        JsonArray b = JsonParser.parseString(onnx.out()).getAsJsonArray();
        assertThat(a).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(Cli.floats(a.get(i).getAsJsonObject().getAsJsonArray("scores")))
                    .containsExactly(Cli.floats(b.get(i).getAsJsonObject().getAsJsonArray("scores")), within(1e-5f));
        }
    }

    @Test
    void aTorchScriptModelTakesAnNpyBatchWithoutAnInputShape(@TempDir Path dir) throws IOException {
        Cli given = Cli.run("predict", "--model", Cli.fixture("cnn.pt").toString(), "--input",
                Cli.fixture("batch.npy").toString(), "--input-shape", "1,28,28", "--json");
        Cli learnt = Cli.run("predict", "--model", Cli.fixture("cnn.pt").toString(), "--input",
                Cli.fixture("batch.npy").toString(), "--json");
        assertThat(learnt.exitCode()).as(learnt.err()).isZero();
        assertThat(learnt.out()).isEqualTo(given.out());
        assertThat(JsonParser.parseString(learnt.out()).getAsJsonArray()).hasSize(3);
        // an array the model refuses both as one sample and as a batch: the engine's cause, on one line
        Path rgb = npy(dir.resolve("rgb.npy"), new int[] {2, 3, 28, 28}, 0.5f);
        Cli refused = Cli.run("predict", "--model", Cli.fixture("cnn.pt").toString(), "--input", rgb.toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err().strip()).doesNotContain("\n").contains("does not accept inputs of shape 2×3×28×28")
                .doesNotContain("The following operation failed");
    }

    @Test
    void textOutputListsTopClassesAndTheTarget(@TempDir Path dir) throws IOException {
        Path classes = Files.writeString(dir.resolve("classes.txt"), "zero\none\ntwo\n");
        Path csv = Files.writeString(dir.resolve("rows.csv"), "a,b,c,d\n0.1,0.2,0.3,0.4\n1,2,3,4\n");
        Cli result = Cli.run("predict", "--model", Cli.fixture("linear.pt").toString(), "--classes", classes.toString(),
                "--input", csv.toString(), "--top-k", "2", "--target", "1");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out().lines()).hasSize(2);
        assertThat(result.out()).contains("rows.csv#1:").contains("rows.csv#2:").contains("| target one");
    }

    @Test
    void bundledImagesAgreeWithTheirLabelsAtTheReportedAccuracy() {
        Path demo = Path.of("src/main/resources/dev/glassbox/cli/demo");
        Cli result = Cli.run("predict", "--model", demo.resolve("model").toString(), "--input",
                demo.resolve(BundledDemo.IMAGES).toString(), "--labels", demo.resolve(BundledDemo.LABELS).toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out().lines().filter(l -> l.contains("#")).count()).isEqualTo(200);
        String summary = result.out().lines().reduce((a, b) -> b).orElseThrow();
        assertThat(summary).matches("accuracy \\d+\\.\\d% \\(\\d+ of 200\\)");
        int correct = Integer.parseInt(summary.replaceAll(".*\\((\\d+) of.*", "$1"));
        assertThat(correct).isGreaterThanOrEqualTo(180);
        Cli wrongCount = Cli.run("predict", "--model", demo.resolve("model").toString(), "--input",
                Cli.fixture("sample.png").toString(), "--labels", demo.resolve(BundledDemo.LABELS).toString());
        assertThat(wrongCount.exitCode()).isEqualTo(2);
        assertThat(wrongCount.err()).contains("200 labels for 1 inputs");
    }

    /** Each bad input exits 2 with one line on stderr naming the problem, and prints nothing on stdout. */
    private static void assertBadInput(String expectedMessagePart, String... args) {
        Cli result = Cli.run(args);
        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.err()).contains(expectedMessagePart);
        assertThat(result.err().lines().filter(l -> l.startsWith("glassbox:")).count()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
    }

    @Test
    void badModelsExitTwo(@TempDir Path dir) throws IOException {
        String png = Cli.fixture("sample.png").toString();
        assertBadInput("model file not found", "predict", "--model", dir.resolve("nope.pt").toString(), "--input", png);
        Path corrupt = Files.writeString(dir.resolve("corrupt.pt"), "garbage");
        assertBadInput("cannot load", "predict", "--model", corrupt.toString(), "--input", png);
        Path corruptOnnx = Files.writeString(dir.resolve("corrupt.onnx"), "garbage");
        assertBadInput("cannot load", "predict", "--model", corruptOnnx.toString(), "--input", png);
        Path unknown = Files.writeString(dir.resolve("model.bin"), "garbage");
        assertBadInput("cannot tell what kind of model", "predict", "--model", unknown.toString(), "--input", png);
    }

    @Test
    void badInputsExitTwo(@TempDir Path dir) throws IOException {
        String cnn = Cli.fixture("cnn.onnx").toString();
        assertBadInput("input file not found", "predict", "--model", cnn, "--input", dir.resolve("none.png").toString());
        Path notImage = Files.writeString(dir.resolve("fake.png"), "not a picture");
        assertBadInput("cannot read image", "predict", "--model", cnn, "--input", notImage.toString());
        Path wrongShape = npy(dir.resolve("wrong.npy"), new int[] {3, 28, 28}, 0.5f);
        assertBadInput("has shape 3×28×28 but the model expects 1×28×28", "predict", "--model", cnn, "--input",
                wrongShape.toString());
        Path nan = npy(dir.resolve("nan.npy"), new int[] {1, 28, 28}, Float.NaN);
        assertBadInput("NaN", "predict", "--model", cnn, "--input", nan.toString());
        assertBadInput("target class 10 is out of range", "predict", "--model", cnn, "--input",
                Cli.fixture("sample.png").toString(), "--target", "10");
        String linear = Cli.fixture("linear.onnx").toString();
        Path empty = Files.writeString(dir.resolve("empty.csv"), "");
        assertBadInput("empty", "predict", "--model", linear, "--input-shape", "4", "--input", empty.toString());
        Path ragged = Files.writeString(dir.resolve("ragged.csv"), "a,b,c,d\n1,2,3,4\n1,2,3\n");
        assertBadInput("row 2 has 3 values but the header has 4 columns", "predict", "--model", linear,
                "--input-shape", "4", "--input", ragged.toString());
        assertBadInput("Unknown option", "predict", "--model", cnn, "--input", "x.png", "--frobnicate");
    }

    @Test
    void gradientFreeOnnxModelStillPredictsWithUnsupportedChannelHint(@TempDir Path dir) throws IOException {
        Path rgb = dir.resolve("rgb.png");
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(28, 28, java.awt.image.BufferedImage.TYPE_INT_RGB);
        javax.imageio.ImageIO.write(image, "png", rgb.toFile());
        Cli result = Cli.run("predict", "--model", Cli.fixture("cnn.onnx").toString(), "--input", rgb.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        Cli forcedRgb = Cli.run("predict", "--model", Cli.fixture("cnn.onnx").toString(), "--input", rgb.toString(),
                "--channels", "rgb");
        assertThat(forcedRgb.exitCode()).isEqualTo(2);
        assertThat(forcedRgb.err()).contains("channel");
    }

    /** Writes a float32 .npy file filled with one value. */
    static Path npy(Path file, int[] shape, float value) throws IOException {
        int count = 1;
        StringBuilder dims = new StringBuilder();
        for (int d : shape) {
            count *= d;
            dims.append(d).append(", ");
        }
        String header = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + dims.toString().strip() + "), }";
        int total = 10 + header.length() + 1;
        header = header + " ".repeat((64 - total % 64) % 64) + "\n";
        ByteBuffer buffer = ByteBuffer.allocate(10 + header.length() + 4 * count).order(ByteOrder.LITTLE_ENDIAN);
        buffer.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        buffer.putShort((short) header.length()).put(header.getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < count; i++) {
            buffer.putFloat(value);
        }
        return Files.write(file, buffer.array());
    }
}
