package dev.glassbox.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The explain command's JSON files are byte-reproducible. */
class ReproducibleOutputTest {
    @Test
    void explainWritesTheSameBytesTwiceWithSortedParamsAndDiagnostics(@TempDir Path dir) throws IOException {
        Path rows = Files.writeString(dir.resolve("rows.csv"), "a,b,c,d\n0.5,-1.5,2,0.25\n1,2,3,4\n");
        List<Path> outs = List.of(dir.resolve("one"), dir.resolve("two"));
        for (Path out : outs) {
            Cli result = Cli.run("explain", "--model", Cli.fixture("linear.onnx").toString(), "--input-shape", "4",
                    "--input", rows.toString(), "--method", "kernel-shap,occlusion,shapley-sampling", "--out",
                    out.toString());
            assertThat(result.exitCode()).as(result.err()).isZero();
        }
        List<String> names;
        try (Stream<Path> list = Files.list(outs.get(0))) {
            names = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
        }
        assertThat(names).hasSize(6);
        for (String name : names) {
            String first = Files.readString(outs.get(0).resolve(name));
            assertThat(Files.readString(outs.get(1).resolve(name))).as(name).isEqualTo(first);
            var doc = com.google.gson.JsonParser.parseString(first).getAsJsonObject();
            for (String part : new String[] {"params", "diagnostics"}) {
                List<String> keys = new ArrayList<>(doc.getAsJsonObject(part).keySet());
                assertThat(keys).as(name + " " + part).isSorted();
            }
        }
    }
}
