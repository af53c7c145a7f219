package dev.glassbox.cli.command;

import dev.glassbox.cli.ProgressBars;
import dev.glassbox.cli.option.ExplainOptions;
import dev.glassbox.cli.option.InputArguments;
import dev.glassbox.cli.option.ModelArguments;
import dev.glassbox.cli.option.TextExplainOptions;
import dev.glassbox.cli.report.AttributionGrid;
import dev.glassbox.core.input.CsvReader;
import dev.glassbox.core.input.Sample;
import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.Target;
import dev.glassbox.core.output.AtomicDirectory;
import dev.glassbox.core.output.AttributionWriter;
import dev.glassbox.core.render.HtmlReport;
import dev.glassbox.djl.model.Models;
import dev.glassbox.djl.text.TextClassifier;
import dev.glassbox.djl.zoo.SavedModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code glassbox explain}: attributions of each input by each method, written as JSON and a heatmap PNG per input
 * and method, and an {@code index.html} grid of all of them. A text model folder with {@code .txt} inputs takes the
 * text path: JSON with the tokens and their offsets, and each text highlighted word by word in {@code index.html}.
 */
@Command(name = "explain", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Explain predictions: one JSON and one heatmap PNG per input and method, plus index.html.")
public final class ExplainCommand implements Callable<Integer> {
    @Mixin
    public ModelArguments model;

    @Mixin
    public InputArguments input;

    @Option(names = "--method", required = true, split = ",", paramLabel = "M",
            description = "Methods, comma separated: saliency, ixg, smoothgrad, smoothgrad-sq, vargrad, ig, deeplift, "
                    + "guided-backprop, deconvnet, lrp-0, lrp-epsilon, lrp-gamma, lrp-alphabeta, lrp-composite, cam, gradcam, "
                    + "guided-gradcam, extremal, meaningful (gradients); occlusion, ablation, lime, "
                    + "kernel-shap, shapley-sampling, shapley-exact, sis, pda (any model, ONNX included); for a text model "
                    + "and .txt inputs: occlusion, lime, kernel-shap, ig, ixg.")
    public List<String> methods;

    @Mixin
    public ExplainOptions options;

    @Mixin
    public TextExplainOptions textOptions;

    @Option(names = "--out", required = true, description = "Output folder.")
    public Path out;

    @Spec
    public picocli.CommandLine.Model.CommandSpec spec;

    /** The header of CSV inputs (their features are columns), or {@code null} for other inputs. */
    private List<String> tabularColumns() {
        Path first = input.inputs.get(0);
        return first.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv")
                ? CsvReader.read(first, !input.noHeader).columns() : null;
    }

    @Override
    public Integer call() throws IOException {
        Target target = Target.parse(options.target);
        if (SavedModels.isTextModel(model.model)) {
            return explainTexts(target);
        }
        options.csvHeader = !input.noHeader;
        List<Sample> samples = new ArrayList<>();
        try (Model loaded = ModelLoading.loadWithInputs(model, input, samples);
                AtomicDirectory output = AtomicDirectory.open(out);
                ProgressBars progress = new ProgressBars()) {
            AttributionGrid grid = new AttributionGrid(loaded, methods, options, tabularColumns());
            HtmlReport report = new HtmlReport("glassbox explain", "Attributions for " + loaded + "; target: " + target
                    + ". " + AttributionWriter.COLOUR_KEY);
            grid.write(samples, target, output.path(), report.section("Attributions"), progress);
            Files.writeString(output.path().resolve("index.html"), report.render());
            output.commit();
        }
        spec.commandLine().getOut().printf("explained %d input(s) with %d method(s): %s%n", samples.size(),
                methods.size(), out.resolve("index.html"));
        return 0;
    }

    /** The text path: a text model folder and {@code .txt} inputs, each word highlighted by each method. */
    private Integer explainTexts(Target target) throws IOException {
        Map<String, String> texts = TextExplanations.read(input.inputs);
        try (TextClassifier loaded = Models.loadText(model.model, model.batchSize);
                ProgressBars progress = new ProgressBars()) {
            TextExplanations explanations = new TextExplanations(loaded, methods,
                    textOptions.settings(options, progress));
            explanations.requireWithinCap(texts);
            try (AtomicDirectory output = AtomicDirectory.open(out)) {
                HtmlReport report = new HtmlReport("glassbox explain", "Word attributions for " + loaded + "; target: "
                        + target + ".");
                explanations.write(texts, target, output.path(), report.section("Attributions"), progress);
                Files.writeString(output.path().resolve("index.html"), report.render());
                output.commit();
            }
        }
        spec.commandLine().getOut().printf("explained %d text(s) with %d method(s): %s%n", texts.size(), methods.size(),
                out.resolve("index.html"));
        return 0;
    }
}
