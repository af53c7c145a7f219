package dev.glassbox.core.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * Agreement with scikit-learn's GaussianProcessRegressor at fixed hyperparameters: predictive mean and standard
 * deviation at test points, the log marginal likelihood and its gradient in log-space, written by
 * {@code scripts/make_gp_references.py}.
 */
class GaussianProcessReferenceTest {
    private static final double TOLERANCE = 1e-6;

    @Test
    void matchesScikitLearnForEveryKernel() throws IOException {
        JsonObject root;
        try (Reader reader = new InputStreamReader(Objects.requireNonNull(
                getClass().getResourceAsStream("/design/gp-references.json")), StandardCharsets.UTF_8)) {
            root = JsonParser.parseReader(reader).getAsJsonObject();
        }
        double[][] xTrain = matrix(root.getAsJsonArray("xTrain"));
        double[] yTrain = vector(root.getAsJsonArray("yTrain"));
        double[][] xTest = matrix(root.getAsJsonArray("xTest"));
        int cases = 0;
        for (JsonElement element : root.getAsJsonArray("cases")) {
            JsonObject c = element.getAsJsonObject();
            CovarianceKernel kernel = CovarianceKernel.of(c.get("kernel").getAsString());
            GpHyperparameters h = new GpHyperparameters(vector(c.getAsJsonArray("lengthScales")),
                    c.get("signalVariance").getAsDouble(), c.get("noiseVariance").getAsDouble());
            boolean normalizeY = c.get("normalizeY").getAsBoolean();
            GpPosterior posterior = GaussianProcess.builder().kernel(kernel).normaliseInputs(false)
                    .standardiseOutputs(normalizeY).hyperparameters(h).fitHyperparameters(false).build()
                    .fit(xTrain, yTrain);
            assertThat(posterior.jitter()).isZero();
            assertThat(posterior.logMarginalLikelihood()).as(kernel + " log marginal likelihood")
                    .isCloseTo(c.get("logMarginalLikelihood").getAsDouble(), within(TOLERANCE));
            double[] mean = vector(c.getAsJsonArray("mean"));
            double[] std = vector(c.getAsJsonArray("std"));
            for (int i = 0; i < xTest.length; i++) {
                GpPrediction p = posterior.predict(xTest[i]);
                assertThat(p.mean()).as(kernel + " mean " + i).isCloseTo(mean[i], within(TOLERANCE));
                assertThat(p.observationStd()).as(kernel + " std " + i).isCloseTo(std[i], within(TOLERANCE));
            }
            double[] gradient = gradient(kernel, xTrain, yTrain, normalizeY, h);
            double[] lengths = vector(c.getAsJsonArray("gradientLogLengthScales"));
            for (int j = 0; j < lengths.length; j++) {
                assertThat(gradient[j]).as(kernel + " d/d log length scale " + j).isCloseTo(lengths[j],
                        within(TOLERANCE));
            }
            assertThat(gradient[2]).isCloseTo(c.get("gradientLogSignal").getAsDouble(), within(TOLERANCE));
            assertThat(gradient[3]).isCloseTo(c.get("gradientLogNoise").getAsDouble(), within(TOLERANCE));
            cases++;
        }
        assertThat(cases).isEqualTo(3);
    }

    private static double[] gradient(CovarianceKernel kernel, double[][] x, double[] y, boolean standardise,
            GpHyperparameters h) {
        double[] z = y.clone();
        if (standardise) {
            double mean = java.util.Arrays.stream(y).average().orElseThrow();
            double var = java.util.Arrays.stream(y).map(v -> (v - mean) * (v - mean)).sum() / y.length;
            for (int i = 0; i < z.length; i++) {
                z[i] = (y[i] - mean) / Math.sqrt(var);
            }
        }
        double[] gradient = new double[4];
        new MarginalLikelihood(kernel, x, z).evaluate(h.toLog(), gradient);
        return gradient;
    }

    private static double[][] matrix(JsonArray rows) {
        double[][] out = new double[rows.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = vector(rows.get(i).getAsJsonArray());
        }
        return out;
    }

    private static double[] vector(JsonArray values) {
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i).getAsDouble();
        }
        return out;
    }
}
