package dev.glassbox.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.glassbox.core.input.IdxWriter;
import dev.glassbox.core.input.LabelledImages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbedCommandTest {
    @TempDir
    Path dir;

    /** 8×8 grey images of three kinds (bright top, left or centre) with noise; label i % 3. */
    private static float[][] images(int count) {
        SplittableRandom random = new SplittableRandom(2);
        float[][] out = new float[count][64];
        for (int i = 0; i < count; i++) {
            for (int p = 0; p < 64; p++) {
                int row = p / 8;
                int column = p % 8;
                boolean bright = switch (i % 3) {
                    case 0 -> row < 4;
                    case 1 -> column < 4;
                    default -> row >= 2 && row < 6 && column >= 2 && column < 6;
                };
                out[i][p] = (float) Math.min(1, Math.max(0, (bright ? 0.9 : 0.1) + 0.05 * random.nextGaussian()));
            }
        }
        return out;
    }

    private static JsonObject metrics(Path out) throws IOException {
        return JsonParser.parseString(Files.readString(out.resolve("metrics.json"))).getAsJsonObject();
    }

    @Test
    void tsneOfACsvWithALabelColumnWritesCoordinatesMetricsAndPlots() throws IOException {
        float[][] rows = images(90);
        StringBuilder csv = new StringBuilder();
        for (int p = 0; p < 64; p++) {
            csv.append('p').append(p).append(',');
        }
        csv.append("kind\n");
        List<String> kinds = List.of("top", "left", "<centre> & \"co\"");
        for (int i = 0; i < rows.length; i++) {
            for (float v : rows[i]) {
                csv.append(v).append(',');
            }
            csv.append('"').append(kinds.get(i % 3).replace("\"", "\"\"")).append("\"\n");
        }
        Path data = Files.writeString(dir.resolve("images.csv"), csv);
        Path out = dir.resolve("out");

        Cli result = Cli.run("embed", "--data", data.toString(), "--label-column", "kind", "--perplexity", "10",
                "--seed", "3", "--out", out.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("glassbox embed: t-SNE of 90 points").contains("klDivergence");
        JsonObject metrics = metrics(out);
        assertThat(metrics.get("method").getAsString()).isEqualTo("tsne");
        assertThat(metrics.getAsJsonObject("quality").get("nearestNeighbourAccuracy").getAsDouble()).isEqualTo(1.0);
        assertThat(metrics.getAsJsonObject("parameters").get("gradient").getAsString()).isEqualTo("exact");
        List<String> lines = Files.readAllLines(out.resolve("coordinates.csv"));
        assertThat(lines).hasSize(91);
        assertThat(lines.get(0)).isEqualTo("index,label,x,y");
        assertThat(lines.get(3)).startsWith("2,\"<centre> & \"\"co\"\"\",");
        assertThat(Files.readString(out.resolve("plot.svg"))).contains("&lt;centre&gt; &amp; &quot;co&quot; (30)");
        assertThat(Files.readAllBytes(out.resolve("plot.png"))).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void pcaOfAnNpyBatchOfImagesWithTextLabelsDrawsThumbnails() throws IOException {
        float[][] rows = images(30);
        Path data = Files.write(dir.resolve("images.npy"), npy(rows, 1, 8, 8));
        StringBuilder labels = new StringBuilder();
        for (int i = 0; i < rows.length; i++) {
            labels.append(i % 3).append('\n');
        }
        Path labelFile = Files.writeString(dir.resolve("labels.txt"), labels);
        Path classes = Files.writeString(dir.resolve("classes.txt"), "top\nleft\ncentre\n");
        Path out = dir.resolve("pca");

        Cli result = Cli.run("embed", "--data", data.toString(), "--labels", labelFile.toString(), "--classes",
                classes.toString(), "--method", "pca", "--out", out.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(metrics(out).getAsJsonObject("diagnostics").get("explainedVarianceRatio").getAsDouble())
                .isBetween(0.5, 1.0);
        String svg = Files.readString(out.resolve("plot.svg"));
        assertThat(svg).contains("<image ").contains("centre (10)");
    }

    @Test
    void mdsOfIdxFilesOnASampleOfPoints() throws IOException {
        float[][] rows = images(60);
        byte[] pixels = new byte[60 * 64];
        int[] labels = new int[60];
        for (int i = 0; i < 60; i++) {
            labels[i] = i % 3;
            for (int p = 0; p < 64; p++) {
                pixels[i * 64 + p] = (byte) Math.round(rows[i][p] * 255);
            }
        }
        Path images = dir.resolve("images-idx3-ubyte");
        Path labelFile = dir.resolve("labels-idx1-ubyte");
        IdxWriter.write(new LabelledImages(60, 8, 8, pixels, labels), images, labelFile);
        Path out = dir.resolve("mds");

        Cli result = Cli.run("embed", "--data", images.toString(), "--labels", labelFile.toString(), "--method", "mds",
                "--max-points", "40", "--out", out.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonObject metrics = metrics(out);
        assertThat(metrics.get("rows").getAsInt()).isEqualTo(60);
        assertThat(metrics.get("points").getAsInt()).isEqualTo(40);
        assertThat(metrics.getAsJsonObject("diagnostics").get("stress").getAsDouble()).isBetween(0.0, 0.5);
        assertThat(Files.readAllLines(out.resolve("coordinates.csv"))).hasSize(41);
    }

    @Test
    void badInputExitsWithCodeTwoAndOneLineAndLeavesNoOutput() throws IOException {
        Path data = Files.writeString(dir.resolve("small.csv"), "a,b\n1,2\n3,4\n5,6\n");
        Path out = dir.resolve("never");

        Cli perplexity = Cli.run("embed", "--data", data.toString(), "--out", out.toString());
        Cli method = Cli.run("embed", "--data", data.toString(), "--method", "umap", "--out", out.toString());
        Cli missing = Cli.run("embed", "--data", dir.resolve("nope.npy").toString(), "--out", out.toString());
        Cli theta = Cli.run("embed", "--data", data.toString(), "--theta", "0.3", "--gradient", "interpolation",
                "--out", out.toString());
        Cli nan = Cli.run("embed", "--data", Files.writeString(dir.resolve("nan.csv"), "a\n1\nnan\n").toString(),
                "--method", "pca", "--out", out.toString());

        assertThat(perplexity.exitCode()).isEqualTo(2);
        assertThat(perplexity.err().strip()).isEqualTo("glassbox: perplexity 30 is too large for 3 points: it must be "
                + "less than the number of points");
        assertThat(method.exitCode()).isEqualTo(2);
        assertThat(method.err()).contains("--method must be pca, mds, sne or tsne, not 'umap'");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("not found");
        assertThat(theta.exitCode()).isEqualTo(2);
        assertThat(theta.err()).contains("--theta goes with --gradient barnes-hut, not interpolation");
        assertThat(nan.exitCode()).isEqualTo(2);
        assertThat(nan.err().strip().lines()).hasSize(1);
        assertThat(out).doesNotExist();
    }

    /** A float32 .npy file of the rows with shape N × dims. */
    private static byte[] npy(float[][] rows, int... dims) throws IOException {
        StringBuilder shape = new StringBuilder("(").append(rows.length);
        for (int d : dims) {
            shape.append(", ").append(d);
        }
        String header = "{'descr': '<f4', 'fortran_order': False, 'shape': " + shape + "), }";
        int padded = (header.length() + 11 + 63) / 64 * 64 - 10;
        header = header + " ".repeat(padded - header.length() - 1) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        out.write(ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) header.length()).array());
        out.write(header.getBytes(StandardCharsets.ISO_8859_1));
        ByteBuffer values = ByteBuffer.allocate(rows.length * rows[0].length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float[] row : rows) {
            for (float v : row) {
                values.putFloat(v);
            }
        }
        out.write(values.array());
        return out.toByteArray();
    }
}
