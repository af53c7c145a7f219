package dev.glassbox.cli;

import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.explain.Explainer;
import dev.glassbox.core.input.ImageWriter;
import dev.glassbox.core.input.Sample;
import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.Target;
import dev.glassbox.core.output.AtomicDirectory;
import dev.glassbox.core.render.HtmlReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code glassbox explain}: attributions of each input by each method, written as JSON and a heatmap PNG per input
 * and method, and an {@code index.html} grid of all of them.
 */
@Command(name = "explain", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Explain predictions: one JSON and one heatmap PNG per input and method, plus index.html.")
final class ExplainCommand implements Callable<Integer> {
    @Mixin
    ModelArguments model;

    @Mixin
    InputArguments input;

    @Option(names = "--method", required = true, split = ",", paramLabel = "M",
            description = "Methods, comma separated: saliency, ixg, smoothgrad, smoothgrad-sq, vargrad, ig, deeplift, "
                    + "guided-backprop, deconvnet, cam, gradcam, guided-gradcam.")
    List<String> methods;

    @Mixin
    ExplainOptions options;

    @Option(names = "--out", required = true, description = "Output folder.")
    Path out;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Target target = Target.parse(options.target);
        List<Sample> samples = new ArrayList<>();
        try (Model loaded = ModelLoading.loadWithInputs(model, input, samples);
                AtomicDirectory output = AtomicDirectory.open(out);
                ProgressBars progress = new ProgressBars()) {
            Map<String, Explainer> explainers = new LinkedHashMap<>();
            for (String method : methods) {
                explainers.put(method.trim(), AttributionMethods.create(method, loaded, options));
            }
            List<HtmlReport.Row> rows = new ArrayList<>();
            int done = 0;
            for (Sample sample : samples) {
                List<HtmlReport.Cell> cells = new ArrayList<>();
                cells.add(new HtmlReport.Text(sample.name()));
                cells.add(picture(sample));
                String predicted = null;
                for (Map.Entry<String, Explainer> method : explainers.entrySet()) {
                    Attribution a = method.getValue().explain(sample.values(), target);
                    String label = loaded.outputNames().get(a.target());
                    predicted = label;
                    byte[] png = AttributionFiles.write(output.path(), a, sample, label);
                    cells.add(new HtmlReport.Picture(png, a.method() + " of " + sample.name(), 160));
                    progress.update("explaining", ++done, (long) samples.size() * explainers.size());
                }
                cells.add(2, new HtmlReport.Text(predicted));
                rows.add(new HtmlReport.Row(cells, false));
            }
            List<String> headers = new ArrayList<>(List.of("input", "image", "explained class"));
            headers.addAll(explainers.keySet());
            HtmlReport report = new HtmlReport("glassbox explain", "Attributions for " + loaded
                    + "; target: " + target + ". Red: evidence for the class, blue: against; colour scale clipped at the "
                    + "98th percentile of total |attribution|.");
            report.section("Attributions").table(headers, rows);
            Files.writeString(output.path().resolve("index.html"), report.render());
            output.commit();
        }
        spec.commandLine().getOut().printf("explained %d input(s) with %d method(s): %s%n", samples.size(),
                methods.size(), out.resolve("index.html"));
        return 0;
    }

    private static HtmlReport.Cell picture(Sample sample) {
        if (sample.shape().rank() == 3 && (sample.shape().dim(0) == 1 || sample.shape().dim(0) == 3)) {
            float[] clamped = sample.values().clone();
            return new HtmlReport.Picture(ImageWriter.toPng(clamped, sample.shape()), sample.name(), 160);
        }
        return new HtmlReport.Text(sample.shape().toString());
    }
}
