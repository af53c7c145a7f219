package dev.glassbox.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.glassbox.cli.demo.BundledDemo;
import dev.glassbox.cli.demo.OptimizationDemo;
import dev.glassbox.cli.demo.RegressionDemo;
import dev.glassbox.core.render.HtmlReport;
import dev.glassbox.djl.zoo.SavedRegressors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's regression and Bayesian optimisation sections: the bundled regressor meets the README's goals when the
 * demo measures it again (the numbers are those saved when it was trained), and the optimisation gets near Branin's
 * minimum within the demo's budget.
 */
class DecisionDemosTest {
    @TempDir
    Path dir;

    @Test
    void theRegressionSectionMeasuresTheBundledEnsembleAsTrained() throws IOException {
        HtmlReport report = new HtmlReport("test", "regression");
        Map<String, Double> saved;
        try (BundledDemo bundle = BundledDemo.unpack()) {
            RegressionDemo.addTo(bundle, dir.resolve("regression"), report);
            saved = SavedRegressors.metrics(bundle.regressionDir());
        }
        JsonObject metrics = JsonParser.parseString(Files.readString(dir.resolve("regression/metrics.json")))
                .getAsJsonObject();
        for (String key : metrics.keySet()) {
            assertThat(metrics.get(key).getAsDouble()).as(key).isEqualTo(saved.get("ensemble." + key));
        }
        assertThat(metrics.get("recalibrated.coverage90").getAsDouble()).isBetween(0.87, 0.93);
        assertThat(metrics.get("epistemicGapRatio").getAsDouble()).isGreaterThan(2);
        assertThat(report.render()).contains("Uncertainty for regression").contains("data:image/png;base64");
        assertThat(Files.exists(dir.resolve("regression/stds.png"))).isTrue();
    }

    @Test
    void theOptimisationSectionNearsBraninsMinimum() throws IOException {
        HtmlReport report = new HtmlReport("test", "optimisation");
        OptimizationDemo.addTo(dir.resolve("optimization"), report);
        JsonObject history = JsonParser.parseString(Files.readString(dir.resolve("optimization/history.json")))
                .getAsJsonObject();
        assertThat(history.getAsJsonArray("evaluations")).hasSize(OptimizationDemo.BUDGET);
        assertThat(history.getAsJsonObject("best").get("value").getAsDouble()).isLessThan(0.397887 + 0.01);
        assertThat(report.render()).contains("Bayesian optimisation");
    }
}
