package dev.glassbox.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.glassbox.cli.demo.BundledDemo;
import dev.glassbox.cli.demo.BundledMaps;
import dev.glassbox.cli.demo.DemoSanity;
import dev.glassbox.core.render.HtmlReport;
import dev.glassbox.djl.model.BlockModel;
import dev.glassbox.djl.zoo.SavedModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoSanityTest {

    private static double similarity(JsonObject json, String method, String metric, int step) {
        return json.getAsJsonObject("randomisation").getAsJsonObject("similarity").getAsJsonObject(method)
                .getAsJsonObject(metric).getAsJsonArray("mean").get(step).getAsDouble();
    }

    private static double patchShare(JsonObject json, String method, String model) {
        return patch(json, "massShare", method, model);
    }

    private static double patch(JsonObject json, String measure, String method, String model) {
        return json.getAsJsonObject("spuriousCue").getAsJsonObject(measure).getAsJsonObject(method)
                .get(model).getAsDouble();
    }

    @Test
    void theBundledModelsShowWhatTheChecksAreFor(@TempDir Path dir) throws IOException {
        HtmlReport report = new HtmlReport("demo", "sanity");
        float[][] probe;
        float[][] before;
        try (BundledDemo bundle = BundledDemo.unpack(); BlockModel model = SavedModels.load(bundle.modelDir(), 100)) {
            probe = new float[][] {bundle.images().image(0)};
            before = model.predict(probe);
            DemoSanity.addTo(model, bundle, dir, report);
            assertThat(model.predict(probe)).isDeepEqualTo(before);
        }
        JsonObject json = JsonParser.parseString(Files.readString(dir.resolve("sanity.json"))).getAsJsonObject();
        // the gradient loses its structure once the model is random; Gradient × Input keeps the input's
        // (Adebayo et al. 2018)
        assertThat(similarity(json, "saliency", "spearman-abs", 11)).isLessThan(0.3);
        assertThat(similarity(json, "ixg", "spearman-abs", 11)).isGreaterThan(0.6);
        // the model trained with a patch on every 'Shirt' looks at the patch; the clean model hardly does
        for (String method : new String[] {"saliency", "ig", "gradcam"}) {
            assertThat(patchShare(json, method, "patch-trained model")).as(method)
                    .isGreaterThan(3 * patchShare(json, method, "reference model"));
            // and so it is for the share of positive evidence on the patch
            assertThat(patch(json, "energyOnPatch", method, "patch-trained model")).as(method)
                    .isGreaterThan(3 * patch(json, "energyOnPatch", method, "reference model"));
        }
        // the clean model's maxima never fall on the patch; Integrated Gradients of the patch-trained model's do
        for (String method : new String[] {"saliency", "ig", "gradcam"}) {
            assertThat(patch(json, "pointingGame", method, "reference model")).as(method).isZero();
        }
        assertThat(patch(json, "pointingGame", "ig", "patch-trained model")).isGreaterThan(0);
        // the bundled extremal and meaningful maps join the table: they too find the patch the patch-trained model reads
        for (String method : BundledMaps.METHODS) {
            assertThat(patch(json, "energyOnPatch", method, "patch-trained model")).as(method)
                    .isGreaterThan(3 * patch(json, "energyOnPatch", method, "reference model"));
            assertThat(patch(json, "pointingGame", method, "reference model")).as(method).isZero();
        }
        assertThat(report.render()).contains("Model-parameter randomisation").contains("Faithfulness")
                .contains("Spurious cue");
        assertThat(dir.resolve("similarity-spearman-abs.png")).isNotEmptyFile();
    }
}
