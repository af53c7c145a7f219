package dev.glassbox.cli;

import dev.glassbox.core.input.CsvReader;
import dev.glassbox.core.input.Sample;
import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.Target;
import dev.glassbox.core.output.AtomicDirectory;
import dev.glassbox.core.render.HtmlReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
                    + "guided-backprop, deconvnet, cam, gradcam, guided-gradcam (gradients); occlusion, ablation, lime, "
                    + "kernel-shap, shapley-sampling, shapley-exact, sis (any model, ONNX included).")
    List<String> methods;

    @Mixin
    ExplainOptions options;

    @Option(names = "--out", required = true, description = "Output folder.")
    Path out;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** The header of CSV inputs (their features are columns), or {@code null} for other inputs. */
    private List<String> tabularColumns() {
        Path first = input.inputs.get(0);
        return first.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv")
                ? CsvReader.read(first).columns() : null;
    }

    @Override
    public Integer call() throws IOException {
        Target target = Target.parse(options.target);
        List<Sample> samples = new ArrayList<>();
        try (Model loaded = ModelLoading.loadWithInputs(model, input, samples);
                AtomicDirectory output = AtomicDirectory.open(out);
                ProgressBars progress = new ProgressBars()) {
            AttributionGrid grid = new AttributionGrid(loaded, methods, options, tabularColumns());
            HtmlReport report = new HtmlReport("glassbox explain", "Attributions for " + loaded + "; target: " + target
                    + ". " + AttributionFiles.COLOUR_KEY);
            grid.write(samples, target, output.path(), report.section("Attributions"), progress);
            Files.writeString(output.path().resolve("index.html"), report.render());
            output.commit();
        }
        spec.commandLine().getOut().printf("explained %d input(s) with %d method(s): %s%n", samples.size(),
                methods.size(), out.resolve("index.html"));
        return 0;
    }
}
