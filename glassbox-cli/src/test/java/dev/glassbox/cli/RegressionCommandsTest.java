package dev.glassbox.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.glassbox.cli.command.RegressionData;
import dev.glassbox.core.uncertainty.GaussianPredictions;
import dev.glassbox.core.uncertainty.RegressionCalibration;
import dev.glassbox.core.uncertainty.SigmaScaling;
import dev.glassbox.core.model.ModelOptions;
import dev.glassbox.djl.uncertainty.HeteroscedasticRegressor;
import dev.glassbox.djl.zoo.SavedRegressors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code glassbox train regression} and {@code glassbox regression-uncertainty} after a two-epoch training: the saved
 * metrics are those the uncertainty command measures again, and they are the core's calibration numbers of the saved
 * networks' predictions; bad input is one line and exit 2.
 */
class RegressionCommandsTest {
    @TempDir
    Path dir;

    @Test
    void trainsMeasuresAndReMeasuresTheGapBenchmark() throws IOException {
        Path model = dir.resolve("model");
        Cli train = Cli.run("train", "regression", "--data", "gap", "--networks", "2", "--epochs", "2",
                "--batch-size", "128", "--passes", "3", "--seed", "4", "--out", model.toString());
        assertThat(train.exitCode()).as(train.err()).isZero();
        assertThat(train.out()).contains("trained 2 networks on gap").contains("mc-dropout").contains("epistemic");
        Map<String, Double> saved = SavedRegressors.metrics(model);

        Path out = dir.resolve("measured");
        Cli measure = Cli.run("regression-uncertainty", "--model", model.toString(), "--data", "gap", "--out",
                out.toString());
        assertThat(measure.exitCode()).as(measure.err()).isZero();
        JsonObject metrics = JsonParser.parseString(Files.readString(out.resolve("uncertainty.json")))
                .getAsJsonObject().getAsJsonObject("metrics");
        for (String key : metrics.keySet()) {
            assertThat(metrics.get(key).getAsDouble()).as(key).isEqualTo(saved.get("ensemble." + key));
        }
        for (String picture : new String[] {"calibration.png", "stds.png", "bands.png"}) {
            assertThat(ImageIO.read(out.resolve(picture).toFile())).as(picture).isNotNull();
        }

        // the same numbers from the saved networks through the core's calibration directly
        RegressionData data = RegressionData.of("gap", 4);
        try (HeteroscedasticRegressor regressor = SavedRegressors.load(model, ModelOptions.DEFAULT_BATCH)) {
            SigmaScaling scaling = SigmaScaling.fit(GaussianPredictions.of(data.calibration().targets(),
                    regressor.predict(data.calibration().inputs())));
            GaussianPredictions test = GaussianPredictions.of(data.test().targets(),
                    regressor.predict(data.test().inputs()));
            assertThat(metrics.get("sigmaScale").getAsDouble()).isCloseTo(scaling.factor(), within(1e-12));
            assertThat(metrics.get("recalibrated.coverage90").getAsDouble())
                    .isEqualTo(RegressionCalibration.coverage(scaling.apply(test), 0.9));
            assertThat(metrics.get("nll").getAsDouble())
                    .isCloseTo(RegressionCalibration.of(test).negativeLogLikelihood(), within(1e-12));
        }
    }

    @Test
    void badInputExitsWithTwoAndOneLine() {
        Path out = dir.resolve("bad");
        String[][] cases = {
            {"train", "regression", "--data", "boston", "--out", out.toString()},
            {"regression-uncertainty", "--model", dir.resolve("none").toString(), "--data", "gap", "--out",
                out.toString()},
            {"regression-uncertainty", "--model", dir.toString(), "--data", "gap", "--out", out.toString()},
            {"regression-uncertainty", "--model", dir.toString(), "--data", "gap", "--method", "bayes", "--out",
                out.toString()},
        };
        String[] expected = {"unknown regression data 'boston'", "is not a folder", "ensemble.json",
            "unknown method 'bayes'"};
        for (int i = 0; i < cases.length; i++) {
            Cli run = Cli.run(cases[i]);
            assertThat(run.exitCode()).as(String.join(" ", cases[i])).isEqualTo(2);
            assertThat(run.err().strip().lines().count()).as(run.err()).isEqualTo(1);
            assertThat(run.err()).contains(expected[i]);
        }
        assertThat(Files.exists(out)).isFalse();
    }
}
