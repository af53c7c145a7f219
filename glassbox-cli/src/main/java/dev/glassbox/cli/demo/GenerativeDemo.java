package dev.glassbox.cli.demo;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.glassbox.cli.command.TrainGanCommand;
import dev.glassbox.core.generative.GeneratedClasses;
import dev.glassbox.core.generative.GeneratorPictures;
import dev.glassbox.core.generative.LatentCodes;
import dev.glassbox.core.output.StableJson;
import dev.glassbox.core.render.HtmlReport;
import dev.glassbox.djl.model.BlockModel;
import dev.glassbox.djl.zoo.SavedModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The demo's generative section: the bundled generator (trained by {@code glassbox train gan|wgan|wgan-gp}; its
 * {@code metrics.json} says which) draws a sample grid and latent interpolations, the bundled classifier names the
 * classes of {@value #SAMPLES} generated images (a missing class is mode collapse), and the Fréchet distances measured
 * when it was trained are shown beside the real-versus-real floor. Nothing is trained; the pictures and counts are also written to {@code dir}.
 */
public final class GenerativeDemo {
    /** How many generated images the classifier sorts into classes. */
    public static final int SAMPLES = 1000;

    private GenerativeDemo() {
    }

    /** Adds the section to {@code report} and writes {@code grid.png}, {@code interpolation.png} and {@code classes.json}. */
    public static void addTo(BundledDemo bundle, BlockModel classifier, Path dir, HtmlReport report) throws IOException {
        Path folder = bundle.generatorDir();
        JsonObject trained = JsonParser.parseString(Files.readString(folder.resolve("metrics.json"))).getAsJsonObject();
        byte[] grid;
        byte[] interpolation;
        GeneratedClasses classes;
        try (BlockModel generator = SavedModels.load(folder, 100)) {
            grid = GeneratorPictures.grid(generator, TrainGanCommand.IMAGE, TrainGanCommand.PICTURE_SEED, 8, 12);
            interpolation = GeneratorPictures.interpolations(generator, TrainGanCommand.IMAGE,
                    TrainGanCommand.PICTURE_SEED, 6, 10);
            float[][] images = generator.predict(LatentCodes.gaussian(TrainGanCommand.PICTURE_SEED, SAMPLES,
                    generator.inputShape().size()));
            classes = GeneratedClasses.of(classifier.predict(images), classifier.outputNames());
        }
        Files.createDirectories(dir);
        Files.write(dir.resolve("grid.png"), grid);
        Files.write(dir.resolve("interpolation.png"), interpolation);
        Files.writeString(dir.resolve("classes.json"), StableJson.toJson(classes.byName()) + "\n");
        report.section("Generative models");
        report.paragraph("A small DCGAN-style generator (bundled, trained by 'glassbox train " + trained.get("loss")
                .getAsString() + "' for " + trained.getAsJsonObject("settings").get("iterations").getAsInt()
                + " generator steps on one CPU thread) measured without Inception: the Fréchet distance between "
                + "the bundled classifier's penultimate features (global average pooling, 128 values) of generated "
                + "and real test images, beside the distance between two halves of the real test set (the floor at "
                + "that sample size), and the classes the classifier sees among " + SAMPLES + " generated images.");
        report.stats(List.of(
                new String[] {"Fréchet distance, generated vs real (" + trained.get("samples").getAsInt() + " each)",
                    String.format(Locale.ROOT, "%.2f", trained.get("frechetDistance").getAsDouble())},
                new String[] {"Fréchet distance, real vs real (floor)",
                    String.format(Locale.ROOT, "%.2f", trained.get("realFloor").getAsDouble())},
                new String[] {"classes present among " + SAMPLES + " generated images",
                    (classes.classes().size() - classes.missing().size()) + " of " + classes.classes().size()},
                new String[] {"smallest class share / normalised entropy", String.format(Locale.ROOT,
                    "%.1f%% / %.3f", 100 * classes.smallestShare(), classes.normalisedEntropy())}));
        List<HtmlReport.Row> rows = new ArrayList<>();
        double[] shares = classes.shares();
        for (int k = 0; k < shares.length; k++) {
            rows.add(new HtmlReport.Row(List.of(new HtmlReport.Text(classes.classes().get(k)),
                    new HtmlReport.Number(Integer.toString(classes.counts()[k])),
                    new HtmlReport.Number(String.format(Locale.ROOT, "%.1f%%", 100 * shares[k]))),
                    classes.counts()[k] == 0));
        }
        report.table(List.of("class (as the classifier sees it)", "generated images", "share"), rows);
        report.figure(grid, "Generated samples for seeded codes", 0);
        report.figure(interpolation, "Latent interpolations: each row walks from one code to another (slerp)", 0);
    }
}
