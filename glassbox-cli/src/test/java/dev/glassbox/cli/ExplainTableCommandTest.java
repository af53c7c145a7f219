package dev.glassbox.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glassbox.spark.table.CellValues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplainTableCommandTest {
    private static final Path TABULAR = Path.of("..", "glassbox-spark", "src", "test", "resources", "tabular");

    /** The first {@code rows} rows of the breast-cancer table, with row 3's second feature made unreadable. */
    private static Path table(Path dir, int rows) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(TABULAR.resolve("cancer.csv")).subList(0, rows + 1));
        String[] broken = lines.get(4).split(",");
        broken[2] = "n/a";
        lines.set(4, String.join(",", broken));
        Path file = dir.resolve("rows.csv");
        Files.write(file, lines);
        return file;
    }

    private static String[] args(Path input, Path out, String... extra) {
        List<String> a = new ArrayList<>(List.of("explain-table", "--model", TABULAR.resolve("cancer.pt").toString(),
                "--input", input.toString(), "--method", "kernel-shap", "--samples", "32", "--background",
                TABULAR.resolve("background.csv").toString(), "--key", "id", "--seed", "5", "--csv", "--out",
                out.toString()));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    @Test
    void sparkAndOneMachineWriteTheSameAttributions(@TempDir Path dir) throws IOException {
        Path input = table(dir, 10);
        Cli local = Cli.run(args(input, dir.resolve("local")));
        assertThat(local.exitCode()).as(local.err()).isZero();
        assertThat(local.out()).contains("explained 10 row(s) (1 with errors)");
        Cli spark = Cli.run(args(input, dir.resolve("spark"), "--spark", "local[2]", "--partitions", "3"));
        assertThat(spark.exitCode()).as(spark.err()).isZero();

        Cli shipped = Cli.run(args(input, dir.resolve("shipped"), "--spark", "local[2]", "--ship-model"));
        assertThat(shipped.exitCode()).as(shipped.err()).isZero();
        Cli kmeansLocal = Cli.run(args(input, dir.resolve("kmeans-local"), "--kmeans", "3"));
        assertThat(kmeansLocal.exitCode()).as(kmeansLocal.err()).isZero();
        Cli kmeansSpark = Cli.run(args(input, dir.resolve("kmeans-spark"), "--kmeans", "3", "--spark", "local[2]"));
        assertThat(kmeansSpark.exitCode()).as(kmeansSpark.err()).isZero();
        assertThat(Files.readAllLines(dir.resolve("kmeans-spark/attributions.csv")))
                .isEqualTo(Files.readAllLines(dir.resolve("kmeans-local/attributions.csv")))
                .isNotEqualTo(Files.readAllLines(dir.resolve("local/attributions.csv")));
        Cli shipAlone = Cli.run(args(input, dir.resolve("ship-alone"), "--ship-model"));
        assertThat(shipAlone.exitCode()).isEqualTo(2);
        assertThat(shipAlone.err()).contains("--ship-model").contains("--spark");

        List<String> csv = Files.readAllLines(dir.resolve("local/attributions.csv"));
        assertThat(Files.readAllLines(dir.resolve("spark/attributions.csv"))).isEqualTo(csv);
        assertThat(Files.readAllLines(dir.resolve("shipped/attributions.csv"))).isEqualTo(csv);
        assertThat(csv).hasSize(11);
        assertThat(csv.get(0)).startsWith("key,mean_radius,mean_texture,").endsWith(",error");
        assertThat(csv.get(4)).startsWith("p0003,,").contains("column mean_texture holds 'n/a'");
        // every explained row: 30 attributions that read back as numbers
        for (String line : csv.subList(1, csv.size())) {
            if (!line.startsWith("p0003")) {
                String[] cells = line.split(",", -1);
                assertThat(cells).hasSize(32);
                assertThat(CellValues.value(cells[1], "mean_radius")).isFinite();
                assertThat(cells[31]).isEmpty();
            }
        }
        for (String run : new String[] {"local", "spark"}) {
            Path out = dir.resolve(run);
            assertThat(out.resolve("attributions.parquet")).exists();
            assertThat(Files.readAllBytes(out.resolve("beeswarm.png"))).startsWith(0x89, 'P', 'N', 'G');
            assertThat(Files.readString(out.resolve("beeswarm.svg"))).contains("<circle");
            assertThat(out.resolve("dependence-1.svg")).isRegularFile();
            assertThat(Files.readString(out.resolve("summary.html"))).contains("Beeswarm").contains("data:image/png");
        }
        assertThat(Files.readString(dir.resolve("spark/importance.csv")).split("\n")[1].split(",")[0])
                .isEqualTo(Files.readString(dir.resolve("local/importance.csv")).split("\n")[1].split(",")[0]);
    }

    @Test
    void badInputIsOneLineAndExitTwo(@TempDir Path dir) throws IOException {
        Path input = table(dir, 4);
        Cli unknown = Cli.run("explain-table", "--model", TABULAR.resolve("cancer.pt").toString(), "--input",
                input.toString(), "--method", "no-such-method", "--out", dir.resolve("a").toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown method 'no-such-method': expected one of").contains("kernel-shap");
        Cli missing = Cli.run("explain-table", "--model", dir.resolve("nothing.pt").toString(), "--input",
                input.toString(), "--method", "ablation", "--key", "id", "--out", dir.resolve("b").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("model file not found");
        Cli failFast = Cli.run(args(input, dir.resolve("c"), "--fail-on-error"));
        assertThat(failFast.exitCode()).isEqualTo(2);
        assertThat(failFast.err()).contains("row p0003: column mean_texture holds 'n/a'");
        assertThat(dir.resolve("c")).doesNotExist();
        Cli kmeansAlone = Cli.run("explain-table", "--model", TABULAR.resolve("cancer.pt").toString(), "--input",
                input.toString(), "--method", "kernel-shap", "--kmeans", "2", "--out", dir.resolve("d").toString());
        assertThat(kmeansAlone.exitCode()).isEqualTo(2);
        assertThat(kmeansAlone.err()).contains("--kmeans").contains("--background");
        Cli tooMany = Cli.run(args(input, dir.resolve("e"), "--kmeans", "100000"));
        assertThat(tooMany.exitCode()).isEqualTo(2);
        assertThat(tooMany.err()).contains("k must be between 1 and the number of rows");
    }
}
