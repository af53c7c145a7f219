package dev.glassbox.cli.demo;

import dev.glassbox.cli.ProgressBars;
import dev.glassbox.cli.option.ExplainOptions;
import dev.glassbox.cli.report.AttributionGrid;
import dev.glassbox.cli.report.InsideModelSection;
import dev.glassbox.cli.report.UncertaintySection;
import dev.glassbox.core.input.ImageWriter;
import dev.glassbox.core.explain.Explainer;
import dev.glassbox.core.input.LabelledImages;
import dev.glassbox.core.input.Sample;
import dev.glassbox.core.model.Target;
import dev.glassbox.core.math.Vectors;
import dev.glassbox.core.metrics.Classification;
import dev.glassbox.core.output.AtomicDirectory;
import dev.glassbox.core.output.AttributionWriter;
import dev.glassbox.core.output.StableJson;
import dev.glassbox.cli.report.EmbeddingSection;
import dev.glassbox.core.render.HtmlReport;
import dev.glassbox.djl.model.BlockModel;
import dev.glassbox.djl.zoo.FashionCnn;
import dev.glassbox.djl.zoo.SavedModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code glassbox demo}: runs glassbox on the bundled Fashion-MNIST model and images and writes the report. Later
 * capabilities add their sections here.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run glassbox on the bundled Fashion-MNIST CNN and 200 test images; write an HTML report and JSON.")
public final class DemoCommand implements Callable<Integer> {
    @Option(names = "--out", description = "Output folder (default: ${DEFAULT-VALUE}).")
    public Path out = Path.of("glassbox-demo");

    @Spec
    public picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        try (BundledDemo bundle = BundledDemo.unpack();
                BlockModel model = SavedModels.load(bundle.modelDir(), 100);
                AtomicDirectory output = AtomicDirectory.open(out)) {
            LabelledImages images = bundle.images();
            float[][] rows = new float[images.count()][];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = images.image(i);
            }
            float[][] scores = model.predict(rows);
            double accuracy = Classification.accuracy(scores, images.labels());
            List<Map<String, Object>> predictions = predictions(model, images, scores);
            Files.writeString(output.path().resolve("predictions.json"),
                    StableJson.toJson(predictions));
            HtmlReport report = report(model, images, predictions, accuracy);
            List<Sample> samples = oneOfEachClass(images, 6);
            explanations(model, BundledMaps.read(bundle.masks().resolve("model"), images.shape()), samples,
                    output.path().resolve("explanations"), report);
            OnnxDemo.addTo(bundle, images, samples, output.path().resolve("onnx"), report);
            UncertaintySection.addTo(report, model, images, output.path().resolve("uncertainty"));
            DemoSanity.addTo(model, bundle, output.path().resolve("sanity"), report);
            TextDemo.addTo(bundle, output.path().resolve("text"), report);
            RobustDemo.addTo(bundle, images, output.path().resolve("robust"), report);
            InterpretableDemo.addTo(bundle, images, samples, output.path().resolve("interpretable"), report);
            InsideModelSection.addTo(report, bundle.inside(), output.path().resolve("inside"));
            EmbeddingSection.addTo(report, rows, images.labels(), model.outputNames(), images.shape(), 1);
            RegressionDemo.addTo(bundle, output.path().resolve("regression"), report);
            OptimizationDemo.addTo(output.path().resolve("optimization"), report);
            GenerativeDemo.addTo(bundle, model, output.path().resolve("generative"), report);
            Files.writeString(output.path().resolve("index.html"), report.render());
            output.commit();
            spec.commandLine().getOut().printf("glassbox demo: %d bundled Fashion-MNIST test images, accuracy %.1f%%; "
                    + "report: %s%n", images.count(), 100 * accuracy, out.resolve("index.html"));
        }
        return 0;
    }

    /** The methods the demo shows, all of which apply to the bundled model. */
    public static final List<String> DEMO_METHODS = List.of("saliency", "ixg", "smoothgrad", "ig", "deeplift",
            "guided-backprop", "gradcam", "guided-gradcam");

    /** The first image of each of {@code classes} classes, in the order they come. */
    private static List<Sample> oneOfEachClass(LabelledImages images, int classes) {
        List<Sample> samples = new ArrayList<>();
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int i = 0; i < images.count() && samples.size() < classes; i++) {
            if (seen.add(images.label(i))) {
                samples.add(images.sample(i, "test-" + i));
            }
        }
        return samples;
    }

    /** Explains the samples with every demo method, then shows the bundled maps of the slow ones. */
    private static void explanations(BlockModel model, Map<String, Explainer> bundled, List<Sample> samples, Path dir,
            HtmlReport report) throws IOException {
        Files.createDirectories(dir);
        ExplainOptions options = new ExplainOptions();
        options.relu = true;
        options.samples = 25;
        report.section("Explanations");
        report.paragraph("Why the model predicts what it predicts, for one test image of each of six classes: "
                + "attributions of the predicted class by " + String.join(", ", DEMO_METHODS) + " (Grad-CAM at "
                + FashionCnn.LAST_CONV + ", with its ReLU). " + AttributionWriter.COLOUR_KEY
                + " Each map is also in explanations/ as JSON and PNG.");
        try (ProgressBars progress = new ProgressBars()) {
            new AttributionGrid(model, DEMO_METHODS, options, null).write(samples, Target.PREDICTED, dir, report, progress);
            report.paragraph("The same images by " + String.join(" and ", bundled.keySet()) + " perturbations: the "
                    + "mean of the preserving masks of areas 5%, 10% and 20%, and the smallest deletion that destroys "
                    + "the class. They take hundreds of passes per image, so these maps were computed once by glassbox "
                    + "explain at its defaults and are bundled with the demo.");
            new AttributionGrid(model, bundled).write(samples, Target.PREDICTED, dir, report, progress);
        }
    }

    private static List<Map<String, Object>> predictions(BlockModel model, LabelledImages images, float[][] scores) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            double[] p = Vectors.softmax(scores[i]);
            int predicted = Vectors.argmax(scores[i]);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("image", i);
            row.put("label", images.label(i));
            row.put("labelName", model.outputNames().get(images.label(i)));
            row.put("predicted", predicted);
            row.put("predictedName", model.outputNames().get(predicted));
            row.put("probability", p[predicted]);
            out.add(row);
        }
        return out;
    }

    private static HtmlReport report(BlockModel model, LabelledImages images, List<Map<String, Object>> predictions,
            double accuracy) {
        HtmlReport report = new HtmlReport("glassbox demo",
                "Fashion-MNIST CNN (" + model.layerNames().size() + " layers) on " + images.count()
                        + " bundled test images. Fashion-MNIST © Zalando SE, MIT licence.");
        long wrong = predictions.stream().filter(p -> !p.get("label").equals(p.get("predicted"))).count();
        report.section("Predictions").stats(List.of(
                new String[] {"accuracy on the bundled images", String.format("%.1f%%", 100 * accuracy)},
                new String[] {"images", Integer.toString(images.count())},
                new String[] {"misclassified", Long.toString(wrong)}));
        report.paragraph("The misclassified images, with their true class, the model's prediction and the probability "
                + "it gives it. Every prediction is in predictions.json.");
        List<HtmlReport.Row> rows = new ArrayList<>();
        for (Map<String, Object> p : predictions) {
            if (p.get("label").equals(p.get("predicted"))) {
                continue;
            }
            int i = (int) p.get("image");
            byte[] png = ImageWriter.toPng(images.image(i), images.shape());
            rows.add(new HtmlReport.Row(List.of(new HtmlReport.Number(Integer.toString(i)),
                    new HtmlReport.Picture(png, "test image " + i, 56),
                    new HtmlReport.Text((String) p.get("labelName")),
                    new HtmlReport.Text((String) p.get("predictedName")),
                    new HtmlReport.Number(String.format("%.1f%%", 100 * (double) p.get("probability")))), false));
        }
        return report.table(List.of("#", "image", "true class", "predicted", "probability"), rows);
    }
}
