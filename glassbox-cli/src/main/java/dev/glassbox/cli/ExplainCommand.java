package dev.glassbox.cli;

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
            AttributionGrid grid = new AttributionGrid(loaded, methods, options);
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
