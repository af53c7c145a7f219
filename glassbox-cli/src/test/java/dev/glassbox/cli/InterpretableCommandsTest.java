package dev.glassbox.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.glassbox.cli.demo.BundledDemo;
import dev.glassbox.cli.demo.InterpretableDemo;
import dev.glassbox.core.input.ImageWriter;
import dev.glassbox.core.input.LabelledImages;
import dev.glassbox.core.input.Sample;
import dev.glassbox.core.render.HtmlReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InterpretableCommandsTest {
    @TempDir
    static Path dir;
    private static BundledDemo bundle;

    @BeforeAll
    static void unpack() {
        bundle = BundledDemo.unpack();
    }

    @AfterAll
    static void clean() {
        bundle.close();
    }

    @Test
    void eachPrototypeExplanationReproducesItsPredictionAndTheEffectOfRemovingItsTopPrototype() throws IOException {
        LabelledImages images = bundle.images();
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Path png = dir.resolve("test-" + i + ".png");
            Files.write(png, ImageWriter.toPng(images.image(i), images.shape()));
            inputs.add(png.toString());
        }
        Path out = dir.resolve("prototypes");
        List<String> args = new ArrayList<>(List.of("prototypes", "--model", bundle.protonetDir().toString(), "--top",
                "3", "--out", out.toString(), "--input"));
        args.addAll(inputs);
        Cli result = Cli.run(args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonObject json = JsonParser.parseString(Files.readString(out.resolve("prototypes.json"))).getAsJsonObject();
        assertThat(json.get("maxVoteError").getAsDouble()).isLessThan(1e-5);
        for (JsonElement element : json.getAsJsonArray("inputs")) {
            JsonObject input = element.getAsJsonObject();
            double score = input.get("score").getAsDouble();
            double previous = Double.POSITIVE_INFINITY;
            for (JsonElement t : input.getAsJsonArray("top")) {
                JsonObject top = t.getAsJsonObject();
                double weight = top.get("weight").getAsDouble();
                assertThat(weight).isLessThanOrEqualTo(previous);
                previous = weight;
                // the JSON's rounding is amplified by 1 / (1 − weight)
                assertThat(top.get("scoreWithout").getAsDouble()).isCloseTo(
                        (score - top.get("contribution").getAsDouble()) / (1 - weight), within(1e-5 / (1 - weight)));
            }
        }
        assertThat(Files.readString(out.resolve("index.html"))).contains("Prototype votes").contains("data:image/png");
    }

    @Test
    void demoSectionShowsVotesAttentionFaithfulnessRandomisationAndSurrogates() throws IOException {
        LabelledImages images = bundle.images();
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            samples.add(images.sample(i, "test-" + i));
        }
        HtmlReport report = new HtmlReport("t", "t");
        Path out = dir.resolve("interpretable");
        InterpretableDemo.addTo(bundle, images, samples, out, report);
        String html = report.render();
        assertThat(html).contains("Interpretable by design").contains("A prototype network")
                .contains("A vision transformer").contains("rollout").contains("head 4");
        JsonObject json = JsonParser.parseString(Files.readString(out.resolve("interpretable.json"))).getAsJsonObject();
        assertThat(json.getAsJsonObject("protonet").get("maxVoteError").getAsDouble()).isLessThan(1e-5);
        JsonObject faithfulness = json.getAsJsonObject("vit").getAsJsonObject("faithfulness");
        assertThat(faithfulness.keySet()).contains("rollout", "attention", "gradcam", "ig", "random");
        JsonObject randomisation = json.getAsJsonObject("vit").getAsJsonObject("randomisation");
        assertThat(randomisation.keySet()).contains("rollout", "attention", "gradcam", "saliency");
        for (String method : randomisation.keySet()) {
            JsonObject m = randomisation.getAsJsonObject(method);
            assertThat(m.get("passes").getAsBoolean())
                    .isEqualTo(m.get("spearmanAbs").getAsDouble() < InterpretableDemo.PASS_SIMILARITY);
        }
        for (var entry : json.getAsJsonObject("surrogates").entrySet()) {
            assertThat(entry.getValue().getAsJsonObject().get("fidelityHeldOut").getAsDouble()).isBetween(0.0, 1.0);
        }
    }
}
