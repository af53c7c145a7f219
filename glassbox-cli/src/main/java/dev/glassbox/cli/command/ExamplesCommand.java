package dev.glassbox.cli.command;

import dev.glassbox.cli.ProgressBars;
import dev.glassbox.cli.option.ModelArguments;
import dev.glassbox.cli.option.UnitArguments;
import dev.glassbox.cli.report.VisualisationSection;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.Shape;
import dev.glassbox.core.output.AtomicDirectory;
import dev.glassbox.djl.DifferentiableModel;
import dev.glassbox.djl.inspect.DatasetExamples;
import dev.glassbox.djl.inspect.ModelObjective;
import dev.glassbox.djl.inspect.Objective;
import java.io.IOException;
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

/** {@code glassbox inspect examples}: the inputs of a data set that drive each chosen unit hardest. */
@Command(name = "examples", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Find the top-k inputs of a data set for each chosen unit.")
public final class ExamplesCommand implements Callable<Integer> {
    @Mixin
    public ModelArguments model;

    @Mixin
    public UnitArguments units;

    @Mixin
    public InspectImages images;

    @Option(names = "--data", required = true, arity = "1..*", paramLabel = "FILE|DIR",
            description = "The data set: images, .npy or IDX (*idx3-ubyte[.gz]) files, or folders of images and .npy "
                    + "files.")
    public List<Path> data;

    @Option(names = "--top", paramLabel = "K", description = "Examples per unit (default: ${DEFAULT-VALUE}).")
    public int top = 8;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    public Path out;

    @Spec
    public picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        InspectImages.requireShape(model);
        List<Objective> objectives = units.objectives();
        try (Model loaded = model.load(null); AtomicDirectory output = AtomicDirectory.open(out);
                ProgressBars progress = new ProgressBars()) {
            DifferentiableModel differentiable = InspectImages.differentiable(loaded);
            Shape shape = loaded.inputShape();
            float[][] dataImages = InspectImages.read(data, shape);
            if (top < 1 || top > dataImages.length) {
                throw new InvalidInputException("--top must be between 1 and the " + dataImages.length
                        + " data set inputs, was " + top);
            }
            float[][] inputs = InspectImages.scaled(dataImages, images.scaling(), shape);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int u = 0; u < objectives.size(); u++) {
                DatasetExamples.TopExamples examples = DatasetExamples.top(new ModelObjective(differentiable,
                        objectives.get(u)), inputs, top, model.batchSize, progress);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("objective", examples.objective());
                row.put("examples", VisualizeCommand.examplesJson(examples, dataImages, shape, output.path(), "u" + u));
                rows.add(row);
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("model", loaded.toString());
            json.put("units", rows);
            InspectImages.finish(output, "examples.json", json, "glassbox inspect examples", loaded,
                    VisualisationSection::render);
        }
        spec.commandLine().getOut().printf("glassbox inspect examples: %d unit(s); report: %s%n", objectives.size(),
                out.resolve("index.html"));
        return 0;
    }
}
