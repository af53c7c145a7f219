package dev.glassbox.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import dev.glassbox.core.embed.NeighbourEmbedding;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Options as the help, the README and the parser state them. */
class CliOptionsTest {
    @Test
    void windowAndStrideTakeHxWCommaListsAndASingleSize(@TempDir Path dir) throws IOException {
        byte[] reference = null;
        for (String[] sizes : new String[][] {{"7x7", "7x7"}, {"7,7", "7,7"}, {"7", "7"}}) {
            Path out = dir.resolve("out-" + sizes[0].replace(',', 'c'));
            Cli result = Cli.run("explain", "--model", Cli.fixture("cnn.onnx").toString(), "--input",
                    Cli.fixture("sample.png").toString(), "--method", "occlusion", "--window", sizes[0], "--stride",
                    sizes[1], "--out", out.toString());
            assertThat(result.exitCode()).as(result.err()).isZero();
            byte[] json = Files.readAllBytes(out.resolve("sample.occlusion.json"));
            if (reference == null) {
                reference = json;
            }
            assertThat(json).as(sizes[0]).isEqualTo(reference);
        }
        Cli bad = Cli.run("explain", "--model", Cli.fixture("cnn.onnx").toString(), "--input",
                Cli.fixture("sample.png").toString(), "--method", "occlusion", "--window", "4y4", "--out",
                dir.resolve("bad").toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("4x4, 4,4 or 4");
        assertThat(dir.resolve("bad")).doesNotExist();
    }

    @Test
    void featuresIsAnotherNameForModelAndTheUsageSaysSo() throws IOException {
        Cli help = Cli.run("explain", "--help");
        assertThat(help.out()).doesNotContain("--features F --head H").contains("--model F --head H");
        String readme = Files.readString(Path.of(System.getProperty("user.dir")).resolveSibling("README.md"));
        assertThat(readme).doesNotContain("--features F --head H").contains("./glassbox explain --model M [--head H | --split]");
        Cli split = Cli.run("predict", "--features", Cli.fixture("cnn_features.pt").toString(), "--head",
                Cli.fixture("cnn_head.pt").toString(), "--input", Cli.fixture("sample.png").toString(), "--json");
        assertThat(split.exitCode()).as(split.err()).isZero();
    }

    @Test
    void embedHelpStatesTheGradientThresholdsTheCodeUses() {
        String help = Cli.run("embed", "--help").out().replaceAll("\\s+", " ");
        assertThat(help).contains("exact up to " + NeighbourEmbedding.EXACT_LIMIT + " points, Barnes–Hut up to "
                + NeighbourEmbedding.BARNES_HUT_LIMIT);
    }

    @Test
    void predictTakesNpyLabelsAndNamesTheFormatsOfOtherFiles(@TempDir Path dir) throws IOException {
        Path labels = int64Npy(dir.resolve("labels.npy"), 0, 3, 7);
        Cli result = Cli.run("predict", "--model", Cli.fixture("cnn.onnx").toString(), "--input",
                Cli.fixture("batch.npy").toString(), "--labels", labels.toString(), "--json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonArray results = JsonParser.parseString(result.out()).getAsJsonArray();
        assertThat(results.get(1).getAsJsonObject().get("label").getAsInt()).isEqualTo(3);

        Path binary = Files.write(dir.resolve("labels.bin"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        Cli bad = Cli.run("predict", "--model", Cli.fixture("cnn.onnx").toString(), "--input",
                Cli.fixture("batch.npy").toString(), "--labels", binary.toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).doesNotContain("Input length").contains(".npy", "idx1-ubyte", "one class index per line");
        assertThat(bad.err().strip().lines()).hasSize(1);
    }

    /** An int64 .npy vector. */
    static Path int64Npy(Path file, long... values) throws IOException {
        String header = "{'descr': '<i8', 'fortran_order': False, 'shape': (" + values.length + ",), }";
        int total = 10 + header.length() + 1;
        header = header + " ".repeat((64 - total % 64) % 64) + "\n";
        ByteBuffer buffer = ByteBuffer.allocate(10 + header.length() + 8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        buffer.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        buffer.putShort((short) header.length()).put(header.getBytes(StandardCharsets.US_ASCII));
        for (long v : values) {
            buffer.putLong(v);
        }
        return Files.write(file, buffer.array());
    }
}
