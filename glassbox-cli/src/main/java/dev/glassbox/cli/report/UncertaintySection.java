package dev.glassbox.cli.report;

import dev.glassbox.cli.ProgressBars;
import dev.glassbox.cli.command.ImageRows;
import dev.glassbox.cli.command.OodInputs;
import dev.glassbox.cli.command.OodScorer;
import dev.glassbox.cli.command.UncertaintyAnalysis;
import dev.glassbox.cli.demo.BundledDemo;
import dev.glassbox.core.input.LabelledImages;
import dev.glassbox.core.model.Model;
import dev.glassbox.core.output.StableJson;
import dev.glassbox.core.render.HtmlReport;
import dev.glassbox.core.uncertainty.Probabilities;
import dev.glassbox.core.uncertainty.StochasticPredictions;
import dev.glassbox.djl.model.BlockModel;
import dev.glassbox.djl.zoo.SavedModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The demo's answer to "is the model certain?" for the bundled classifier and images: temperature scaling fitted on
 * the first half of the images and shown on the second, MC dropout over all of them, and how well max-softmax,
 * entropy, MC-dropout mutual information and member variance, and the bundled autoencoder's reconstruction error,
 * tell the images from uniform noise, the images upside down, inverted, and the bundled hand-written digits.
 */
public final class UncertaintySection {
    /** MC-dropout passes. */
    public static final int PASSES = 30;
    /** The seed of the draws and of the noise. */
    public static final long SEED = 1;
    private static final String MC_PREFIX = "MC dropout ";

    private UncertaintySection() {
    }

    /**
     * Adds the sections to {@code report} and writes {@code metrics.json} and the reliability and confidence plots
     * into {@code dir} (created if missing).
     *
     * @param model the bundled classifier (it must return logits and have dropout)
     * @param images labelled in-distribution images, at least four
     */
    public static void addTo(HtmlReport report, Model model, LabelledImages images, Path dir) throws IOException {
        float[][] rows = ImageRows.of(images);
        int[] labels = images.labels();
        int half = rows.length / 2;
        report.section("Is the model certain?");
        report.paragraph("Calibration before and after temperature scaling, MC dropout (" + PASSES + " passes with "
                + "dropout on and BatchNorm on its running statistics), and out-of-distribution scores side by side: "
                + "the model's own max-softmax and entropy, the same of the MC-dropout mean with the passes' mutual "
                + "information and variance, and the reconstruction error of a small autoencoder trained on "
                + "Fashion-MNIST (bundled), against uniform noise, these images upside down and inverted, and 300 "
                + "hand-written digits. Every number is also in uncertainty/metrics.json, every plot in uncertainty/ "
                + "as PNG.");
        UncertaintyReport calibration = new UncertaintyReport(report);
        float[][] logits = model.predict(rows);
        calibration.temperature(Arrays.copyOf(logits, half), Arrays.copyOf(labels, half),
                Arrays.copyOfRange(logits, half, rows.length), Arrays.copyOfRange(labels, half, rows.length));
        UncertaintyReport sampling = new UncertaintyReport(report);
        try (ProgressBars progress = new ProgressBars(); BundledDemo bundle = BundledDemo.unpack();
                BlockModel autoencoder = SavedModels.load(bundle.autoencoderDir(), 100)) {
            Function<float[][], StochasticPredictions> mcDropout = UncertaintyAnalysis.mcDropout(model,
                    new UncertaintyAnalysis.Settings(PASSES, SEED, 0.5), progress);
            StochasticPredictions predictions = mcDropout.apply(rows);
            sampling.stochastic("MC dropout", predictions, Probabilities.softmax(logits), labels);
            Map<String, float[][]> sets = OodInputs.resolve(List.of(OodInputs.NOISE, OodInputs.FLIPPED,
                    OodInputs.INVERTED, OodInputs.DIGITS), rows, images.shape(), SEED);
            OodScorer deterministic = OodScorer.softmaxOf(model).and(OodScorer.reconstruction(autoencoder));
            Map<String, double[]> inDistribution = new LinkedHashMap<>(deterministic.scores(rows));
            inDistribution.putAll(OodScorer.stochastic(MC_PREFIX, predictions));
            UncertaintyAnalysis.compare(sampling, sets, inDistribution,
                    deterministic.and(OodScorer.stochastic(MC_PREFIX, mcDropout)));
        }
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("metrics.json"), StableJson.toJson(
                Map.of("temperatureScaling", calibration.metrics(), "mcDropout", sampling.metrics())));
        for (UncertaintyReport part : List.of(calibration, sampling)) {
            for (var picture : part.pictures().entrySet()) {
                Files.write(dir.resolve(picture.getKey()), picture.getValue());
            }
        }
    }
}
