package dev.glassbox.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.glassbox.cli.command.OutputStems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input answers with exit 2 and one clear line, and nothing half-written. */
class BadInputTest {
    private static void assertOneLine(Cli result) {
        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.err().strip().lines()).as(result.err()).hasSize(1);
        assertThat(result.err()).doesNotContain("Exception", "\tat ");
    }

    private static long entries(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.count();
        }
    }

    @Test
    void anOutFolderWhoseParentIsAFileIsRefusedInOneLine(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("report.txt"), "keep me");
        Cli result = Cli.run("explain", "--model", Cli.fixture("cnn.onnx").toString(), "--input",
                Cli.fixture("sample.png").toString(), "--method", "occlusion", "--out", file.resolve("out").toString());
        assertOneLine(result);
        assertThat(result.err()).contains("report.txt is a file, not a folder");
        assertThat(file).hasContent("keep me");
        assertThat(entries(dir)).isEqualTo(1);
    }

    @Test
    void aCsvWithoutAHeaderIsRefusedUnlessNoHeaderSaysSo(@TempDir Path dir) throws IOException {
        Path rows = Files.writeString(dir.resolve("rows.csv"), "0.5,-1.5,2,0.25\n1,2,3,4\n");
        Path out = dir.resolve("out");
        Cli refused = Cli.run("explain", "--model", Cli.fixture("linear.onnx").toString(), "--input-shape", "4",
                "--input", rows.toString(), "--method", "occlusion", "--out", out.toString());
        assertOneLine(refused);
        assertThat(refused.err()).contains("rows.csv has no header", "--no-header");
        assertThat(out).doesNotExist();

        Cli predicted = Cli.run("predict", "--model", Cli.fixture("linear.onnx").toString(), "--input-shape", "4",
                "--input", rows.toString(), "--no-header", "--json");
        assertThat(predicted.exitCode()).as(predicted.err()).isZero();
        assertThat(JsonParser.parseString(predicted.out()).getAsJsonArray()).hasSize(2);

        Path background = Files.writeString(dir.resolve("background.csv"), "0.1,0.2,0.3,0.4\n");
        Cli explained = Cli.run("explain", "--model", Cli.fixture("linear.onnx").toString(), "--input-shape", "4",
                "--input", rows.toString(), "--no-header", "--method", "kernel-shap", "--background",
                background.toString(), "--out", out.toString());
        assertThat(explained.exitCode()).as(explained.err()).isZero();
        JsonObject first = JsonParser.parseString(Files.readString(out.resolve("rows-1.kernel-shap.json")))
                .getAsJsonObject();
        assertThat(first.getAsJsonArray("featureNames").toString()).isEqualTo("[\"c0\",\"c1\",\"c2\",\"c3\"]");
        assertThat(out.resolve("rows-2.kernel-shap.json")).exists();
    }

    @Test
    void inputsWithTheSameNameGetTheirOwnFilesAndNonAsciiNamesStayReadable(@TempDir Path dir) throws IOException {
        Path png = Cli.fixture("sample.png");
        Path a = Files.copy(png, Files.createDirectories(dir.resolve("a")).resolve("x.png"));
        Path b = Files.copy(png, Files.createDirectories(dir.resolve("b")).resolve("x.png"));
        Path image = Files.copy(png, dir.resolve("图像.png"));
        Path document = Files.copy(png, dir.resolve("文件.png"));
        Path out = dir.resolve("out");
        Cli result = Cli.run("explain", "--model", Cli.fixture("cnn.onnx").toString(), "--input", a.toString(),
                b.toString(), image.toString(), document.toString(), "--method", "occlusion", "--window", "7x7",
                "--out", out.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        for (String stem : new String[] {"x", "x-2", "图像", "文件"}) {
            assertThat(out.resolve(stem + ".occlusion.json")).exists();
            assertThat(out.resolve(stem + ".occlusion.png")).exists();
        }
        assertThat(OutputStems.stem("naïve café.npy#3")).isEqualTo("naïve_café-3");
    }
}
