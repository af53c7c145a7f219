package dev.glassbox.cli.demo;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.glassbox.cli.command.ImageRows;
import dev.glassbox.core.input.ImageWriter;
import dev.glassbox.core.input.LabelledImages;
import dev.glassbox.core.math.Planes;
import dev.glassbox.core.math.Sobel;
import dev.glassbox.core.metrics.Classification;
import dev.glassbox.core.metrics.Correlation;
import dev.glassbox.core.model.Target;
import dev.glassbox.core.output.StableJson;
import dev.glassbox.core.render.Heatmap;
import dev.glassbox.core.render.HtmlReport;
import dev.glassbox.djl.model.BlockModel;
import dev.glassbox.djl.robust.Fgsm;
import dev.glassbox.djl.robust.InputBounds;
import dev.glassbox.djl.zoo.ModelCard;
import dev.glassbox.djl.zoo.SavedModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The demo section "Is it robust? Is it private?": three bundled small CNNs of one architecture, trained normally,
 * adversarially (PGD at ε = 0.3) and with DP-SGD (ε = 3): their model cards' clean and PGD-robust accuracy and privacy,
 * then, measured here on the bundled images, accuracy, accuracy under FGSM, how closely each saliency map follows the
 * image's edges, and the maps themselves; then the same network at ε = 1, 3, 8 and ∞ side by side
 * ({@link #privacySweep}); last, the bundled results of the model-extraction experiment ({@code glassbox extract}).
 */
public final class RobustDemo {
    /** The names the report and {@code robust.json} give the models, in order. */
    private static final List<String> MODELS = List.of("standard", "adversarial", "private");
    private static final Map<String, String> TRAINING = Map.of("standard", "standard training",
            "adversarial", "PGD adversarial training, ε = 0.3", "private", "DP-SGD, ε = 3");

    private static final double FGSM_EPSILON = 0.1;
    private static final int SHOWN = 4;

    private RobustDemo() {
    }

    /** Adds the section to {@code report} and writes {@code robust.json} into {@code dir}. */
    public static void addTo(BundledDemo bundle, LabelledImages images, Path dir, HtmlReport report) throws IOException {
        Files.createDirectories(dir);
        float[][] rows = ImageRows.of(images);
        report.section("Is it robust? Is it private?");
        report.paragraph("One small CNN (two strided convolutions, tanh, two linear layers; Tramèr and Boneh's "
                + "network) trained three ways: normally, adversarially (PGD, L∞ ε = 0.3, Madry et al.) and with "
                + "DP-SGD at (3, 1e-5)-differential privacy. The first columns come from their model cards (PGD with "
                + "random restarts, inputs in [0, 1]); the rest is measured now on the " + images.count() + " bundled "
                + "images: accuracy, accuracy under FGSM at ε = " + FGSM_EPSILON + ", and how closely the saliency "
                + "map |∂z/∂x| follows the image's edges (Spearman correlation with the Sobel magnitude, mean over "
                + "images): robust models have gradients people can read (Tsipras et al. 2019), private ones explain "
                + "themselves in noise.");
        List<HtmlReport.Row> table = new ArrayList<>();
        Map<String, Object> json = new LinkedHashMap<>();
        List<float[][]> maps = new ArrayList<>();
        for (String name : MODELS) {
            Path folder = bundle.robustDir().resolve(name);
            ModelCard card = SavedModels.card(folder);
            try (BlockModel model = SavedModels.load(folder, 200)) {
                Measured measured = Measured.of(model, rows, images);
                float[][] adversarial = Fgsm.builder(model).epsilon(FGSM_EPSILON).bounds(new InputBounds(0, 1))
                        .build().perturb(rows, images.labels());
                double underFgsm = Classification.accuracy(model, adversarial, images.labels());
                maps.add(measured.saliency());
                Map<String, Double> m = card.metrics();
                table.add(new HtmlReport.Row(List.<HtmlReport.Cell>of(new HtmlReport.Text(TRAINING.get(name)),
                        percent(m.get("testAccuracy")), percent(m.get("pgdRobustAccuracyEps0.100")),
                        percent(m.get("pgdRobustAccuracyEps0.300")), number(m.get("dpEpsilon")),
                        percent(measured.accuracy()), percent(underFgsm), fixed(measured.edges())), false));
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("training", card.data());
                row.put("card", new java.util.TreeMap<>(m));
                row.put("bundledAccuracy", measured.accuracy());
                row.put("bundledFgsmAccuracy", underFgsm);
                row.put("saliencyEdgeSpearman", measured.edges());
                json.put(name, row);
            }
        }
        report.table(List.of("model", "clean accuracy (test set)", "PGD-robust, ε 0.1", "PGD-robust, ε 0.3",
                "DP ε (δ 1e-5)", "accuracy (bundled)", "under FGSM ε 0.1", "saliency ~ edges"), table);
        saliencyGrid(images, rows, maps, MODELS.stream().map(TRAINING::get).toList(), report);
        json.put("privacySweep", privacySweep(bundle, images, rows, report));
        extraction(bundle, report);
        Files.writeString(dir.resolve("robust.json"), StableJson.toJsonAllowingSpecialFloats(json));
    }

    /** A bundled model's accuracy on the bundled images, its saliency maps |∂z/∂x| of them and their likeness to edges. */
    private record Measured(double accuracy, float[][] saliency, double edges) {
        static Measured of(BlockModel model, float[][] rows, LabelledImages images) {
            float[][] saliency = model.inputGradient(rows, Target.PREDICTED);
            return new Measured(Classification.accuracy(model, rows, images.labels()), saliency,
                    edgeAlignment(saliency, rows, images));
        }
    }

    private static double edgeAlignment(float[][] saliency, float[][] rows, LabelledImages images) {
        double sum = 0;
        for (int i = 0; i < rows.length; i++) {
            double[] edges = Sobel.magnitude(Planes.plane(rows[i], images.shape()), images.rows(), images.cols());
            sum += Correlation.spearmanOfMagnitudes(Planes.plane(saliency[i], images.shape()), edges);
        }
        return sum / rows.length;
    }

    /**
     * The privacy sweep: the same network after 3 epochs at ε = 1, 3, 8 (DP-SGD) and ∞ (standard training), measured
     * here (accuracy, saliency against edges, the maps side by side) beside its bundled sanity-check and faithfulness
     * figures ({@code scripts/make_privacy_sweep_bundle.sh}). Returns the figures measured here.
     */
    private static Map<String, Object> privacySweep(BundledDemo bundle, LabelledImages images, float[][] rows,
            HtmlReport report) throws IOException {
        Path folder = bundle.robustDir().resolve("privacy-sweep");
        JsonObject sanity = JsonParser.parseString(Files.readString(folder.resolve("sweep.json"))).getAsJsonObject();
        report.subsection("Explanations at ε = 1, 3, 8 and ∞");
        report.paragraph("Does a private model explain itself in noise? The same network after 3 epochs of DP-SGD to "
                + "ε = 1, 3 and 8 (δ = 1e-5) and of standard training. Accuracy and the saliency maps' likeness to "
                + "edges are measured now on the bundled images; the sanity-check figures (Spearman of |map| with the "
                + "map after randomising the top layer and every layer) and faithfulness (deletion: lower is better; "
                + "insertion: higher is better, a random map's beside them) come from glassbox sanity on the first 50 "
                + "test images.");
        List<HtmlReport.Row> table = new ArrayList<>();
        Map<String, Object> measured = new LinkedHashMap<>();
        List<float[][]> maps = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (String name : List.of("eps-1", "eps-3", "eps-8", "eps-inf")) {
            Path modelFolder = folder.resolve(name);
            Double epsilon = SavedModels.card(modelFolder).metrics().get("dpEpsilon");
            try (BlockModel model = SavedModels.load(modelFolder, 200)) {
                Measured here = Measured.of(model, rows, images);
                maps.add(here.saliency());
                labels.add("ε = " + (epsilon == null ? "∞" : String.format(Locale.ROOT, "%.0f", epsilon)));
                JsonObject figures = sanity.getAsJsonObject(name);
                JsonObject map = figures.getAsJsonObject("saliency");
                JsonObject random = figures.getAsJsonObject("randomMap");
                JsonObject ig = figures.getAsJsonObject("ig");
                table.add(new HtmlReport.Row(List.<HtmlReport.Cell>of(new HtmlReport.Text(labels.get(labels.size() - 1)),
                        percent(here.accuracy()), fixed(here.edges()),
                        fixed(map.get("randomisedTopLayerSpearmanAbs").getAsDouble()),
                        fixed(map.get("randomisedAllLayersSpearmanAbs").getAsDouble()),
                        versus(map.get("deletionAuc"), random.get("deletionAuc")),
                        versus(map.get("insertionAuc"), random.get("insertionAuc")),
                        fixed(ig.get("deletionAuc").getAsDouble()), fixed(ig.get("insertionAuc").getAsDouble())), false));
                measured.put(name, Map.of("bundledAccuracy", here.accuracy(), "saliencyEdgeSpearman", here.edges()));
            }
        }
        report.table(List.of("model", "accuracy (bundled)", "saliency ~ edges", "top layer randomised",
                "all layers randomised", "deletion (random map)", "insertion (random map)", "IG deletion",
                "IG insertion"), table);
        saliencyGrid(images, rows, maps, labels, report);
        return measured;
    }

    private static HtmlReport.Cell fixed(double value) {
        return new HtmlReport.Number(String.format(Locale.ROOT, "%.3f", value));
    }

    private static HtmlReport.Cell versus(JsonElement value, JsonElement random) {
        return new HtmlReport.Number(String.format(Locale.ROOT, "%.3f (%.3f)", value.getAsDouble(),
                random.getAsDouble()));
    }

    private static void saliencyGrid(LabelledImages images, float[][] rows, List<float[][]> maps, List<String> labels,
            HtmlReport report) {
        List<HtmlReport.Row> grid = new ArrayList<>();
        for (int i = 0; i < SHOWN; i++) {
            List<HtmlReport.Cell> cells = new ArrayList<>();
            cells.add(new HtmlReport.Picture(ImageWriter.toPng(rows[i], images.shape()), "test image " + i, 84));
            for (float[][] map : maps) {
                float[] magnitude = new float[map[i].length];
                for (int j = 0; j < magnitude.length; j++) {
                    magnitude[j] = Math.abs(map[i][j]);
                }
                Heatmap.Style style = new Heatmap.Style(Heatmap.Sign.ABSOLUTE, Heatmap.DEFAULT_OUTLIER_PERCENT, 84, 1);
                cells.add(new HtmlReport.Picture(Heatmap.png(magnitude, images.shape(), null, style),
                        "saliency of test image " + i, 84));
            }
            grid.add(new HtmlReport.Row(cells, false));
        }
        List<String> headers = new ArrayList<>(List.of("image"));
        labels.forEach(label -> headers.add("saliency, " + label));
        report.table(headers, grid);
    }

    /** The bundled table of {@code glassbox extract}: agreement against queries, with and without gradients. */
    private static void extraction(BundledDemo bundle, HtmlReport report)
            throws IOException {
        JsonObject doc = JsonParser.parseString(Files.readString(bundle.robustDir().resolve("extraction.json")))
                .getAsJsonObject();
        report.subsection("Copying a model from its explanations");
        report.paragraph("An attacker queries a two-layer ReLU network (" + doc.getAsJsonObject("settings")
                .get("inputs") + " tabular inputs) at inputs of its choosing and fits a copy: from the scores alone, "
                + "or from the scores and the gradient explanation of the predicted class (Milli et al. 2019); "
                + "agreement of the copy with the target on held-out inputs never queried. Noise on the released "
                + "gradients (in units of ‖g‖/√d) is a defence; its cost to honest users is the released gradients' "
                + "cosine similarity to the true ones. Bundled results of glassbox extract.");
        Map<Integer, List<JsonObject>> byQueries = new LinkedHashMap<>();
        for (JsonElement e : doc.getAsJsonArray("results")) {
            JsonObject r = e.getAsJsonObject();
            byQueries.computeIfAbsent(r.get("queries").getAsInt(), q -> new ArrayList<>()).add(r);
        }
        List<String> headers = new ArrayList<>(List.of("queries", "scores only", "scores + gradients"));
        List<HtmlReport.Row> rows = new ArrayList<>();
        for (Map.Entry<Integer, List<JsonObject>> entry : byQueries.entrySet()) {
            List<HtmlReport.Cell> cells = new ArrayList<>();
            cells.add(new HtmlReport.Number(Integer.toString(entry.getKey())));
            for (JsonObject r : entry.getValue()) {
                if (r.has("noise") && r.get("noise").getAsDouble() > 0) {
                    String header = "gradients + noise " + r.get("noise").getAsDouble() + " (cosine)";
                    if (!headers.contains(header)) {
                        headers.add(header);
                    }
                    cells.add(new HtmlReport.Number(String.format(Locale.ROOT, "%.1f%% (%.2f)",
                            100 * r.get("agreement").getAsDouble(), r.get("explanationCosine").getAsDouble())));
                } else {
                    cells.add(percent(r.get("agreement").getAsDouble()));
                }
            }
            rows.add(new HtmlReport.Row(cells, false));
        }
        report.table(headers, rows);
        if (doc.has("reconstruction")) {
            JsonObject r = doc.getAsJsonObject("reconstruction");
            report.paragraph(String.format(Locale.ROOT, "Reconstruction instead of fitting (Milli et al.): from the "
                    + "scores and exact gradients along one line the attacker finds each hidden unit's hyperplane "
                    + "where the gradient jumps and solves for the output layer: %d queries, %d of %d units, %.1f%% "
                    + "agreement.", r.get("queries").getAsInt(), r.get("unitsFound").getAsInt(),
                    doc.getAsJsonObject("settings").get("hidden").getAsInt(), 100 * r.get("agreement").getAsDouble()));
        }
    }

    private static HtmlReport.Cell percent(Double value) {
        return new HtmlReport.Number(value == null ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * value));
    }

    private static HtmlReport.Cell number(Double value) {
        return new HtmlReport.Number(value == null ? "∞" : String.format(Locale.ROOT, "%.2f", value));
    }
}
