package dev.glassbox.cli.demo;

import dev.glassbox.cli.ProgressBars;
import dev.glassbox.cli.option.ExplainOptions;
import dev.glassbox.cli.report.AttributionGrid;
import dev.glassbox.core.input.LabelledImages;
import dev.glassbox.core.input.Sample;
import dev.glassbox.core.metrics.Classification;
import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.Shape;
import dev.glassbox.core.model.Target;
import dev.glassbox.core.output.AttributionWriter;
import dev.glassbox.core.render.HtmlReport;
import dev.glassbox.djl.model.ImportedModel;
import dev.glassbox.core.model.ModelOptions;
import dev.glassbox.djl.model.Models;
import dev.glassbox.onnx.OnnxModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The demo's section on a model made elsewhere: a small residual network trained in PyTorch and exported to ONNX
 * ({@code scripts/train_onnx_demo_resnet.py}), imported as a graph, checked against ONNX Runtime, and explained by
 * DeepLIFT, LRP and Grad-CAM at an inner residual block, node names as the exporter wrote them.
 */
public final class OnnxDemo {
    /** The inner block whose output Grad-CAM reads: the second residual block, after its skip connection. */
    public static final String INNER_BLOCK = "/layer2/relu2/Relu";
    public static final List<String> METHODS = List.of("deeplift", "lrp-epsilon", "lrp-composite", "gradcam", "guided-backprop");

    private OnnxDemo() {
    }

    /** Adds the section, writing the maps under {@code dir}. */
    public static void addTo(BundledDemo bundle, LabelledImages images, List<Sample> samples, Path dir, HtmlReport report)
            throws IOException {
        Path file = bundle.onnxResNet();
        float[][] rows = new float[images.count()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = images.image(i);
        }
        ModelOptions options = ModelOptions.withShape(Shape.of(1, 28, 28)).classNames(dev.glassbox.core.input.FashionMnist.CLASS_NAMES);
        try (Model loaded = Models.load(file, options); OnnxModel runtime = OnnxModel.load(file, options)) {
            ImportedModel imported = (ImportedModel) loaded;
            float[][] scores = imported.predictOnGraph(rows);
            float[][] reference = runtime.predict(rows);
            double largest = 0;
            for (int i = 0; i < scores.length; i++) {
                for (int k = 0; k < scores[i].length; k++) {
                    largest = Math.max(largest, Math.abs(scores[i][k] - reference[i][k]));
                }
            }
            report.section("An ONNX model from PyTorch");
            report.paragraph("A residual network (three basic blocks, 28,398 parameters) trained in PyTorch and "
                    + "exported to ONNX, imported by glassbox as a graph on the PyTorch engine: gradients, every "
                    + "node by its ONNX name (glassbox layers --model FILE lists them), and the rules of DeepLIFT, "
                    + "guided backprop and LRP at its ReLUs, convolutions and skip connections. 90.68% on the 10,000 "
                    + "Fashion-MNIST test images (its README says how it was trained).");
            report.stats(List.of(
                    new String[] {"accuracy on the bundled images (graph)", String.format("%.1f%%",
                            100 * Classification.accuracy(scores, images.labels()))},
                    new String[] {"largest logit difference from ONNX Runtime", String.format("%.1e", largest)},
                    new String[] {"nodes", Integer.toString(imported.graph().nodes().size())}));
            ExplainOptions explain = new ExplainOptions();
            explain.layer = INNER_BLOCK;
            report.paragraph("Attributions of the predicted class: DeepLIFT (zero baseline), LRP-ε (ε = 1e-9, as "
                    + "Captum) and the composite LRP (z^B on the first convolution, γ = 0.25 on the others, ε on the dense "
                    + "layer), Grad-CAM at the "
                    + "inner block " + INNER_BLOCK + " (after its skip connection), and guided backprop. "
                    + AttributionWriter.COLOUR_KEY);
            Files.createDirectories(dir);
            try (ProgressBars progress = new ProgressBars()) {
                new AttributionGrid(imported, METHODS, explain, null).write(samples, Target.PREDICTED, dir, report,
                        progress);
            }
        }
    }
}
