package dev.glassbox.cli.command;

import dev.glassbox.cli.ProgressBars;
import dev.glassbox.cli.option.ModelArguments;
import dev.glassbox.cli.report.DreamSection;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.input.ImageWriter;
import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.Shape;
import dev.glassbox.core.output.AtomicDirectory;
import dev.glassbox.djl.inspect.DeepDream;
import dev.glassbox.djl.inspect.ModelObjective;
import dev.glassbox.djl.inspect.Objective;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code glassbox inspect dream}: DeepDream on one image, amplifying what a layer sees in it over several octaves. */
@Command(name = "dream", mixinStandardHelpOptions = true, sortOptions = false,
        description = "DeepDream: raise a layer's activation energy on an image, coarse to fine over octaves.")
public final class DreamCommand implements Callable<Integer> {
    /** The JSON file a run writes. */
    public static final String JSON = "dream.json";

    @Mixin
    public ModelArguments model;

    @Mixin
    public InspectImages images;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "The image to dream on (PNG, JPEG "
            + "or .npy of one sample; an IDX file's first image).")
    public Path input;

    @Option(names = "--layer", paramLabel = "L", description = "The layer whose mean squared activation to raise.")
    public String layer;

    @Option(names = "--objective", paramLabel = "TEXT", description = "Instead of --layer: any objective, as "
            + "glassbox inspect visualize reads it.")
    public String objective;

    @Option(names = "--octaves", paramLabel = "N", description = "Octaves (default: ${DEFAULT-VALUE}).")
    public int octaves = 4;

    @Option(names = "--octave-scale", paramLabel = "F", description = "Size ratio between octaves (default: ${DEFAULT-VALUE}).")
    public double octaveScale = 1.4;

    @Option(names = "--steps", paramLabel = "N", description = "Steps per octave (default: ${DEFAULT-VALUE}).")
    public int steps = 10;

    @Option(names = "--step-size", paramLabel = "A", description = "Step size in [0, 1] image units, applied to the "
            + "gradient over its mean absolute value (default: ${DEFAULT-VALUE}).")
    public double stepSize = 0.01;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    public Path out;

    @Spec
    public picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if ((layer == null) == (objective == null)) {
            throw new InvalidInputException("give either --layer or --objective");
        }
        Objective chosen = layer != null ? Objective.layer(layer) : Objective.parse(objective);
        Shape hint = model.knowsItsShape() ? null : shapeOf(input);
        try (Model loaded = model.load(hint); AtomicDirectory output = AtomicDirectory.open(out);
                ProgressBars progress = new ProgressBars()) {
            Shape shape = loaded.inputShape();
            float[] image = InspectImages.read(List.of(input), shape)[0];
            DeepDream dream = new DeepDream(new ModelObjective(InspectImages.differentiable(loaded), chosen),
                    images.scaling(), octaves, octaveScale, steps, stepSize);
            DeepDream.Dream result = dream.run(image, progress);
            ImageWriter.write(image, shape, output.path().resolve("input.png"));
            ImageWriter.write(result.image(), shape, output.path().resolve("dream.png"));
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("model", loaded.toString());
            json.put("objective", chosen.toString());
            json.put("octaves", octaves);
            json.put("octaveScale", octaveScale);
            json.put("steps", steps);
            json.put("stepSize", stepSize);
            json.put("input", "input.png");
            json.put("dream", "dream.png");
            json.put("initialValue", result.initialValue());
            json.put("valueAfterOctave", result.valueAfterOctave());
            InspectImages.finish(output, JSON, json, "glassbox inspect dream", loaded,
                    DreamSection::render);
        }
        spec.commandLine().getOut().printf("glassbox inspect dream: report: %s%n", out.resolve("index.html"));
        return 0;
    }

    private static Shape shapeOf(Path file) {
        return dev.glassbox.core.input.InputFiles.read(file, null, dev.glassbox.core.input.ImageOptions.of(
                dev.glassbox.core.input.Channels.AUTO), true).get(0).shape();
    }
}
