package dev.glassbox.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.glassbox.cli.demo.BundledDemo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HiddenLayerEmbeddingTest {
    private static final Path DEMO = Path.of("src/main/resources/dev/glassbox/cli/demo");

    private static double nearestNeighbourAccuracy(Path dir, String... extra) throws IOException {
        String[] base = {"embed", "--data", DEMO.resolve(BundledDemo.IMAGES).toString(), "--labels",
            DEMO.resolve(BundledDemo.LABELS).toString(), "--classes", "fashion-mnist", "--method", "pca", "--out",
            dir.toString()};
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(extra))
                .toArray(String[]::new);
        Cli result = Cli.run(args);
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonObject metrics = JsonParser.parseString(Files.readString(dir.resolve("metrics.json"))).getAsJsonObject();
        return metrics.toString().contains("nearestNeighbourAccuracy")
                ? Double.parseDouble(metrics.toString().replaceAll(".*\"nearestNeighbourAccuracy\":([0-9.Ee-]+).*", "$1"))
                : Double.NaN;
    }

    @Test
    void aTrainedClassifiersFeaturesSeparateTheClassesBetterThanItsPixels(@TempDir Path dir) throws IOException {
        double pixels = nearestNeighbourAccuracy(dir.resolve("pixels"));
        double features = nearestNeighbourAccuracy(dir.resolve("features"), "--model", DEMO.resolve("model").toString(),
                "--layer", "gap");
        assertThat(features).isGreaterThan(pixels + 0.05);
    }

    @Test
    void aModelWithoutLayersIsRefused(@TempDir Path dir) {
        Cli result = Cli.run("embed", "--data", DEMO.resolve(BundledDemo.IMAGES).toString(), "--method", "pca",
                "--model", Cli.fixture("cnn.pt").toString(), "--out", dir.resolve("out").toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("has no layer glassbox can reach");
    }

    @Test
    void anOnnxModelsHiddenLayerIsEmbeddedByNodeName(@TempDir Path dir) throws java.io.IOException {
        Path out = dir.resolve("out");
        Cli layers = Cli.run("layers", "--model", Cli.fixture("cnn.onnx").toString(), "--json");
        assertThat(layers.exitCode()).as(layers.err()).isZero();
        var nodes = com.google.gson.JsonParser.parseString(layers.out()).getAsJsonArray();
        String relu = nodes.asList().stream().map(n -> n.getAsJsonObject())
                .filter(n -> n.get("operator").getAsString().equals("Relu")).reduce((a, b) -> b).orElseThrow()
                .get("name").getAsString();
        Cli result = Cli.run("embed", "--data", DEMO.resolve(BundledDemo.IMAGES).toString(), "--method", "pca",
                "--model", Cli.fixture("cnn.onnx").toString(), "--layer", relu, "--max-points", "60", "--out",
                out.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(java.nio.file.Files.readAllLines(out.resolve("coordinates.csv"))).hasSize(61);
    }
}
