package dev.glassbox.cli.demo;

import dev.glassbox.cli.command.RegressionData;
import dev.glassbox.cli.command.RegressionEvaluation;
import dev.glassbox.core.Progress;
import dev.glassbox.core.output.StableJson;
import dev.glassbox.core.render.HtmlReport;
import dev.glassbox.core.model.ModelOptions;
import dev.glassbox.djl.uncertainty.HeteroscedasticRegressor;
import dev.glassbox.djl.zoo.SavedRegressors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The demo's regression section: the bundled deep ensemble of mean–variance networks on the gap benchmark's test
 * part, its aleatoric and epistemic standard deviations against the truth, and its calibration before and after σ
 * scaling. Nothing is trained; the pictures and numbers are also written to {@code dir}.
 */
public final class RegressionDemo {
    private RegressionDemo() {
    }

    /** Adds the section to {@code report} and writes {@code metrics.json} and the pictures into {@code dir}. */
    public static void addTo(BundledDemo bundle, Path dir, HtmlReport report) throws IOException {
        Path model = bundle.regressionDir();
        RegressionData data = RegressionData.of("gap", SavedRegressors.metrics(model).get("dataSeed").longValue());
        RegressionEvaluation evaluation;
        try (HeteroscedasticRegressor regressor = SavedRegressors.load(model, ModelOptions.DEFAULT_BATCH)) {
            evaluation = RegressionEvaluation.of(regressor, data, RegressionEvaluation.Method.ENSEMBLE, 0, 0,
                    Progress.NONE);
        }
        Files.createDirectories(dir);
        Map<String, Double> m = evaluation.metrics();
        Files.writeString(dir.resolve("metrics.json"), StableJson.toJson(m) + "\n");
        report.section("Uncertainty for regression");
        report.paragraph("A deep ensemble of five mean-variance networks (bundled, trained by 'glassbox train regression "
                + "--data gap --no-dropout') on y = sin(1.5x) + 0.25x + noise whose standard deviation grows from 0.1 at x = 0 to 0.4 "
                + "at |x| = 4, with no training input in the gap -1 < x < 1. Aleatoric uncertainty is the mean of the "
                + "networks' variances, epistemic the variance of their means; sigma scaling is fitted on 500 "
                + "calibration samples and every number is measured on 1,000 held-out samples.");
        List<String[]> stats = List.of(
                stat("aleatoric std vs true noise outside the gap (RMSE)", m.get("aleatoricStdRmseOutsideGap")),
                stat("epistemic std inside / outside the gap", m.get("epistemicStdInGap"),
                        m.get("epistemicStdOutsideGap")),
                stat("90% interval coverage before / after sigma scaling", m.get("coverage90"),
                        m.get("recalibrated.coverage90")),
                stat("test NLL before / after sigma scaling", m.get("nll"), m.get("recalibrated.nll")),
                stat("miscalibration area before / after sigma scaling", m.get("miscalibrationArea"),
                        m.get("recalibrated.miscalibrationArea")));
        report.stats(stats);
        String[] captions = {"The true noise against the ensemble's aleatoric and epistemic standard deviations",
            "The predicted mean and 90% interval against the true function", "Calibration of central intervals"};
        String[] files = {"stds.png", "bands.png", "calibration.png"};
        for (int i = 0; i < files.length; i++) {
            byte[] png = evaluation.pictures().get(files[i]);
            Files.write(dir.resolve(files[i]), png);
            report.figure(png, captions[i], 0);
        }
    }

    /** A label and its values, printed with three decimals and separated by slashes. */
    private static String[] stat(String label, double... values) {
        StringBuilder text = new StringBuilder();
        for (double v : values) {
            text.append(text.length() == 0 ? "" : " / ").append(String.format(Locale.ROOT, "%.3f", v));
        }
        return new String[] {label, text.toString()};
    }
}
