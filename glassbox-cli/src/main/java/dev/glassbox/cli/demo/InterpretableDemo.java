package dev.glassbox.cli.demo;

import dev.glassbox.cli.ProgressBars;
import dev.glassbox.cli.command.ImageRows;
import dev.glassbox.cli.command.PrototypesCommand;
import dev.glassbox.cli.command.TribuoLogging;
import dev.glassbox.cli.option.InputArguments;
import dev.glassbox.cli.report.PrototypeReport;
import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.explain.Explainer;
import dev.glassbox.core.faithfulness.FaithfulnessCheck;
import dev.glassbox.core.faithfulness.FaithfulnessResult;
import dev.glassbox.core.faithfulness.PerturbationCurves;
import dev.glassbox.core.input.ImageWriter;
import dev.glassbox.core.input.LabelledImages;
import dev.glassbox.core.input.Sample;
import dev.glassbox.core.metrics.Classification;
import dev.glassbox.core.metrics.SimilarityMetric;
import dev.glassbox.core.model.Target;
import dev.glassbox.core.output.StableJson;
import dev.glassbox.core.render.Heatmap;
import dev.glassbox.core.render.HtmlReport;
import dev.glassbox.djl.model.BlockModel;
import dev.glassbox.djl.explain.IntegratedGradients;
import dev.glassbox.djl.explain.Saliency;
import dev.glassbox.djl.interpretable.AttentionMaps;
import dev.glassbox.djl.interpretable.AttentionRollout;
import dev.glassbox.djl.interpretable.NearestExamples;
import dev.glassbox.djl.interpretable.PrototypeExplainer;
import dev.glassbox.djl.interpretable.PrototypeVote;
import dev.glassbox.djl.interpretable.SparseLinearSurrogate;
import dev.glassbox.djl.interpretable.GlobalSurrogate;
import dev.glassbox.djl.interpretable.TokenGradCam;
import dev.glassbox.djl.interpretable.TokenGrid;
import dev.glassbox.djl.interpretable.TreeSurrogate;
import dev.glassbox.djl.sanity.RandomisationCheck;
import dev.glassbox.djl.sanity.RandomisationResult;
import dev.glassbox.djl.zoo.FashionProtoNet;
import dev.glassbox.djl.zoo.FashionVit;
import dev.glassbox.djl.zoo.PrototypeImages;
import dev.glassbox.djl.zoo.SavedModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The demo's "Interpretable by design" section: the bundled prototype network's predictions as votes of its
 * prototypes, the bundled vision transformer's attention maps and rollout beside Grad-CAM and IG, ranked by deletion
 * and insertion and put through the randomisation check, and global surrogates of the prototype network.
 */
public final class InterpretableDemo {
    /** A map passes the randomisation check when its mean Spearman |rank| similarity after the last step is below this. */
    public static final double PASS_SIMILARITY = 0.5;
    private static final int SHOWN = 3;
    private static final int FAITHFULNESS_IMAGES = 16;
    private static final int SANITY_IMAGES = 4;

    private InterpretableDemo() {
    }

    /** Adds the section to {@code report} and writes its JSON into {@code dir}. */
    public static void addTo(BundledDemo bundle, LabelledImages images, List<Sample> samples, Path dir, HtmlReport report)
            throws IOException {
        Files.createDirectories(dir);
        float[][] rows = ImageRows.of(images);
        Map<String, Object> json = new LinkedHashMap<>();
        report.section("Interpretable by design");
        report.paragraph("Models that explain themselves: a prototype network whose every prediction is a weighted "
                + "vote of prototypes, and a vision transformer whose attention shows where it looks. Both were "
                + "trained in Java (glassbox train protonet|vit); accuracies on the full test set are in their model "
                + "cards and the README.");
        try (BlockModel protonet = SavedModels.load(bundle.protonetDir(), 100);
                BlockModel vit = SavedModels.load(bundle.vitDir(), 100)) {
            json.put("protonet", prototypes(bundle, protonet, images, rows, samples, report));
            json.put("surrogates", surrogates(protonet, rows, report));
            json.put("vit", transformer(bundle, vit, images, rows, samples, report));
        }
        Files.writeString(dir.resolve("interpretable.json"), StableJson.toJson(json));
    }

    private static Map<String, Object> prototypes(BundledDemo bundle, BlockModel protonet, LabelledImages images,
            float[][] rows, List<Sample> samples, HtmlReport report) {
        LabelledImages prototypes = PrototypeImages.read(bundle.protonetDir());
        double accuracy = Classification.accuracy(protonet, rows, images.labels());
        PrototypeExplainer explainer = new PrototypeExplainer(protonet, FashionProtoNet.ATTENTION, FashionProtoNet.VOTE);
        List<PrototypeVote> all = explainer.explain(rows);
        double fullTest = SavedModels.card(bundle.protonetDir()).metrics().getOrDefault("testAccuracy", Double.NaN);
        report.subsection("A prototype network");
        report.stats(List.of(new String[] {"accuracy on the bundled images", percent(accuracy)},
                new String[] {"accuracy on the 10,000 test images (model card)", percent(fullTest)},
                new String[] {"largest |vote − score| over the bundled images",
                        String.format(Locale.ROOT, "%.1e", PrototypeReport.maxVoteError(all))}));
        report.paragraph(PrototypesCommand.PARAGRAPH + " The prototypes, each with the class its answer favours:");
        float[][] answers = explainer.answers();
        List<HtmlReport.Cell> gallery = new ArrayList<>();
        for (int j = 0; j < prototypes.count(); j++) {
            gallery.add(new HtmlReport.Picture(ImageWriter.toPng(prototypes.image(j), prototypes.shape()),
                    "prototype " + j, 40));
            gallery.add(new HtmlReport.Text("#" + j + " " + protonet.outputNames().get(favoured(answers, j))));
        }
        for (int from = 0; from < gallery.size(); from += 10) {
            report.table(List.of("", "", "", "", "", "", "", "", "", ""), List.of(new HtmlReport.Row(
                    gallery.subList(from, Math.min(gallery.size(), from + 10)), false)));
        }
        report.paragraph("Six test images and the three prototypes with the largest weights in their votes:");
        List<PrototypeVote> shown = explainer.explain(InputArguments.rows(samples));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("bundledAccuracy", accuracy);
        json.put("maxVoteError", PrototypeReport.maxVoteError(all));
        json.put("votes", PrototypeReport.write(samples, shown, prototypes, protonet.outputNames(), 3, report));
        return json;
    }

    /** The class prototype j's answer scores highest. */
    private static int favoured(float[][] answers, int j) {
        int best = 0;
        for (int c = 1; c < answers.length; c++) {
            best = answers[c][j] > answers[best][j] ? c : best;
        }
        return best;
    }

    private static Map<String, Object> surrogates(BlockModel protonet, float[][] rows, HtmlReport report) {
        TribuoLogging.quiet();
        int half = rows.length / 2;
        float[][] fit = Arrays.copyOf(rows, half);
        float[][] heldOut = Arrays.copyOfRange(rows, half, rows.length);
        float[][] fitScores = protonet.predict(fit);
        int[] fitClasses = NearestExamples.predictions(fitScores);
        int[] heldOutClasses = NearestExamples.predictions(protonet.predict(heldOut));
        Map<String, GlobalSurrogate> surrogates = new LinkedHashMap<>();
        surrogates.put("decision tree (depth ≤ 6)", TreeSurrogate.fit(fit, fitClasses, 6));
        surrogates.put("sparse linear (LARS-lasso, ≤ 10 weights per class)", SparseLinearSurrogate.fit(fit, fitScores, 10));
        report.subsection("Global surrogates of the prototype network");
        report.paragraph("Readable models fitted to the prototype network's predictions on the pixels of the first "
                + half + " bundled images; fidelity is their agreement with the network on the other " + heldOut.length
                + ", which they were not fitted on.");
        List<HtmlReport.Row> table = new ArrayList<>();
        Map<String, Object> json = new LinkedHashMap<>();
        surrogates.forEach((name, surrogate) -> {
            double fitted = surrogate.fidelity(fit, fitClasses);
            double held = surrogate.fidelity(heldOut, heldOutClasses);
            table.add(new HtmlReport.Row(List.of(new HtmlReport.Text(name), new HtmlReport.Number(
                    Integer.toString(surrogate.size())), new HtmlReport.Number(percent(fitted)),
                    new HtmlReport.Number(percent(held))), false));
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("size", surrogate.size());
            entry.put("fidelityFitted", fitted);
            entry.put("fidelityHeldOut", held);
            json.put(name, entry);
        });
        report.table(List.of("surrogate", "leaves / pixels used", "fidelity on its fit set", "fidelity held out"),
                table);
        return json;
    }

    private static Map<String, Object> transformer(BundledDemo bundle, BlockModel vit, LabelledImages images,
            float[][] rows, List<Sample> samples, HtmlReport report) {
        AttentionMaps maps = new AttentionMaps(vit, FashionVit.blocks(FashionVit.DEPTH));
        // the head reads only the class token after the last block, so Grad-CAM reads the last block's input
        String beforeLast = maps.blocks().get(maps.blocks().size() - 2);
        Map<String, Explainer> methods = new LinkedHashMap<>();
        methods.put("rollout", AttentionRollout.rollout(vit, maps));
        methods.put("attention", AttentionRollout.lastBlock(vit, maps));
        methods.put("gradcam", new TokenGradCam(vit, beforeLast));
        methods.put("ig", IntegratedGradients.of(vit).steps(16).build());
        methods.put("saliency", Saliency.gradients(vit, true));
        double accuracy = Classification.accuracy(vit, rows, images.labels());
        double fullTest = SavedModels.card(bundle.vitDir()).metrics().getOrDefault("testAccuracy", Double.NaN);
        report.subsection("A vision transformer");
        report.stats(List.of(new String[] {"accuracy on the bundled images", percent(accuracy)},
                new String[] {"accuracy on the 10,000 test images (model card)", percent(fullTest)}));
        report.paragraph("7×7 patches (a 4×4 grid of tokens after a class token), " + FashionVit.DEPTH
                + " encoder blocks of " + FashionVit.HEADS + " heads. Per image: the class token's attention to the "
                + "patches in each head of the last block, their mean ('attention'), attention rollout through all "
                + "blocks (Abnar and Zuidema 2020: ½A + ½I per block, multiplied), Grad-CAM on the patch "
                + "tokens entering the last block, and Integrated Gradients, all for the predicted class.");
        attentionGrid(vit, maps, samples.subList(0, Math.min(SHOWN, samples.size())), methods, report);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("bundledAccuracy", accuracy);
        json.put("faithfulness", faithfulness(vit, rows, methods, report));
        json.put("randomisation", randomisation(vit, rows, methods, report));
        return json;
    }

    private static void attentionGrid(BlockModel vit, AttentionMaps maps, List<Sample> shown,
            Map<String, Explainer> methods, HtmlReport report) {
        float[][] inputs = InputArguments.rows(shown);
        float[][][][] attention = maps.of(inputs);
        Map<String, List<Attribution>> explained = new LinkedHashMap<>();
        methods.forEach((name, method) -> explained.put(name, method.explain(inputs, Target.PREDICTED)));
        List<String> headers = new ArrayList<>(List.of("input"));
        List<HtmlReport.Row> rows = new ArrayList<>();
        int heads = attention[0][attention[0].length - 1].length;
        for (int h = 0; h < heads; h++) {
            headers.add("head " + (h + 1));
        }
        headers.addAll(methods.keySet());
        for (int i = 0; i < shown.size(); i++) {
            Sample sample = shown.get(i);
            List<HtmlReport.Cell> cells = new ArrayList<>(List.of(new HtmlReport.Picture(ImageWriter.toPng(sample),
                    sample.name(), 56)));
            for (float[] head : attention[i][attention[i].length - 1]) {
                Attribution map = TokenGrid.attribution("head", 0, AttentionMaps.classTokenRow(head, maps.tokens()),
                        vit.inputShape(), Map.of());
                cells.add(heatmap(map, sample));
            }
            for (List<Attribution> maps2 : explained.values()) {
                cells.add(heatmap(maps2.get(i), sample));
            }
            rows.add(new HtmlReport.Row(cells, false));
        }
        report.table(headers, rows);
    }

    private static HtmlReport.Cell heatmap(Attribution map, Sample sample) {
        float[] values = map.inputValues();
        return new HtmlReport.Picture(Heatmap.png(values, map.shape(), sample.values(),
                new Heatmap.Style(Heatmap.Sign.of(values), 1, 1, 1)),
                map.method(), 56);
    }

    private static Map<String, Object> faithfulness(BlockModel vit, float[][] rows, Map<String, Explainer> methods,
            HtmlReport report) {
        float[][] inputs = Arrays.copyOf(rows, FAITHFULNESS_IMAGES);
        int[] targets = NearestExamples.predictions(vit.predict(inputs));
        FaithfulnessResult result;
        try (ProgressBars progress = new ProgressBars()) {
            result = FaithfulnessCheck.of(vit, methods).curves(PerturbationCurves.of(vit).steps(16).build()).seed(1)
                    .build().run(inputs, targets, progress);
        }
        report.paragraph("Which map ranks the pixels the transformer relies on first? Deletion zeroes pixels in the "
                + "map's order and follows the predicted class's probability (lower area is better); insertion "
                + "puts them back into a blurred image (higher is better); 'random' is a map of random values. Means "
                + "over the first " + FAITHFULNESS_IMAGES + " bundled images.");
        List<HtmlReport.Row> table = new ArrayList<>();
        Map<String, Object> json = new LinkedHashMap<>();
        result.methods().forEach((method, scores) -> {
            table.add(new HtmlReport.Row(List.of(new HtmlReport.Text(method), number(scores.deletionAuc()),
                    number(scores.insertionAuc())), method.equals(FaithfulnessCheck.RANDOM)));
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("deletionAuc", scores.deletionAuc());
            entry.put("insertionAuc", scores.insertionAuc());
            json.put(method, entry);
        });
        report.table(List.of("method", "deletion AUC ↓", "insertion AUC ↑"), table);
        return json;
    }

    private static Map<String, Object> randomisation(BlockModel vit, float[][] rows, Map<String, Explainer> methods,
            HtmlReport report) {
        float[][] inputs = Arrays.copyOf(rows, SANITY_IMAGES);
        Map<String, Explainer> checked = new LinkedHashMap<>(methods);
        checked.remove("ig");
        RandomisationResult result;
        try (ProgressBars progress = new ProgressBars()) {
            result = RandomisationCheck.of(vit, checked).metrics(List.of(SimilarityMetric.SPEARMAN_ABS,
                    SimilarityMetric.SSIM)).seed(1).build().run(inputs, Target.PREDICTED, progress);
        }
        int lastStep = result.steps() - 1;
        report.paragraph(String.format(Locale.ROOT, "Do the maps see the model? Every layer is re-drawn from the top "
                + "down (%s) and each map recomputed (Adebayo et al. 2018). A map passes when its mean Spearman rank "
                + "correlation of |values| with its original falls below %.1f once all layers are random; one that "
                + "stays similar shows the input, not what the model learnt. Means over %d images.",
                String.join(", ", result.layers()), PASS_SIMILARITY, SANITY_IMAGES));
        List<HtmlReport.Row> table = new ArrayList<>();
        Map<String, Object> json = new LinkedHashMap<>();
        for (String method : result.methods()) {
            double spearman = result.meanSimilarity(method, SimilarityMetric.SPEARMAN_ABS, lastStep);
            double ssim = result.meanSimilarity(method, SimilarityMetric.SSIM, lastStep);
            boolean passes = spearman < PASS_SIMILARITY;
            table.add(new HtmlReport.Row(List.of(new HtmlReport.Text(method), number(spearman), number(ssim),
                    new HtmlReport.Text(passes ? "passes" : "fails")), !passes));
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("spearmanAbs", spearman);
            entry.put("ssim", ssim);
            entry.put("passes", passes);
            json.put(method, entry);
        }
        report.table(List.of("method", "Spearman |·| after all layers", "SSIM after all layers", "check"), table);
        return json;
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * value);
    }

    private static HtmlReport.Cell number(double value) {
        return new HtmlReport.Number(String.format(Locale.ROOT, "%.4f", value));
    }
}
