package dev.glassbox.cli.command;

import dev.glassbox.cli.option.InputArguments;
import dev.glassbox.cli.option.ModelArguments;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.input.ImageOptions;
import dev.glassbox.core.input.InputFiles;
import dev.glassbox.core.input.Channels;
import dev.glassbox.core.input.Sample;
import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.Shape;
import dev.glassbox.core.output.StableJson;
import dev.glassbox.djl.DifferentiableModel;
import dev.glassbox.djl.LayeredModel;
import dev.glassbox.djl.inspect.InputScaling;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.glassbox.core.output.AtomicDirectory;
import dev.glassbox.core.render.HtmlReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * What the inspect commands share: how [0, 1] images become the model's input ({@code --mean}, {@code --std}),
 * reading images as [0, 1] values for the model's input shape, and writing a run's JSON and report.
 */
public final class InspectImages {
    @Option(names = "--mean", split = ",", paramLabel = "M",
            description = "Per-channel mean the model's inputs are normalised with (images are drawn in [0, 1]).")
    public float[] mean;

    @Option(names = "--std", split = ",", paramLabel = "S",
            description = "Per-channel standard deviation the model's inputs are normalised with.")
    public float[] std;

    /** How [0, 1] images become model inputs. */
    public InputScaling scaling() {
        if (mean == null && std == null) {
            return InputScaling.IDENTITY;
        }
        if (mean == null || std == null) {
            throw new InvalidInputException("--mean and --std go together: give both or neither");
        }
        return new InputScaling(mean, std);
    }

    /**
     * Every sample of {@code paths} (files, or folders whose images and {@code .npy} files are read in name order), as
     * [0, 1] images checked against {@code shape}.
     */
    public static float[][] read(List<Path> paths, Shape shape) {
        Channels channels = shape.rank() == 3 && shape.dim(0) == 3 ? Channels.RGB : Channels.GREY;
        List<Sample> samples = new ArrayList<>();
        for (Path path : paths) {
            for (Path file : ConceptFolders.files(path, "data set")) {
                samples.addAll(InputFiles.read(file, shape, ImageOptions.of(channels), true));
            }
        }
        if (samples.isEmpty()) {
            throw new InvalidInputException("no inputs in " + paths);
        }
        return InputArguments.rows(samples);
    }

    /** The model inputs for [0, 1] images. */
    public static float[][] scaled(float[][] images, InputScaling scaling, Shape shape) {
        float[][] out = new float[images.length][];
        for (int i = 0; i < images.length; i++) {
            out[i] = scaling.apply(images[i], shape.dim(0));
        }
        return out;
    }

    /** The model as one with gradients, or a clear error. */
    public static DifferentiableModel differentiable(Model model) {
        if (model instanceof DifferentiableModel differentiable) {
            return differentiable;
        }
        throw new InvalidInputException("the model " + model + " gives no gradients: inspect needs a TorchScript, "
                + "ONNX-imported or glassbox model");
    }

    /** The model as one whose layers can be read, or a one-line error saying how to load one. */
    public static LayeredModel layered(Model model) {
        if (model instanceof LayeredModel layered && !layered.layerNames().isEmpty()) {
            return layered;
        }
        throw new InvalidInputException(model + " has no layers glassbox can reach: give a glassbox model folder, an "
                + "ONNX file, or a TorchScript model split into features and head (one file exporting features(x) and "
                + "head(a) with --split, or two files: --model features.pt --head head.pt)");
    }

    /** Draws one run of an inspect command, read back from its folder, into a report. */
    @FunctionalInterface
    public interface RunRenderer {
        /** Adds the run in {@code dir}, described by {@code json}, under a heading that {@code heading} starts. */
        void render(HtmlReport report, Path dir, JsonObject json, Consumer<String> heading);
    }

    /**
     * Writes a run's JSON as {@code jsonName} and its report {@code index.html} (drawn by {@code renderer} from the
     * files written), then commits the output folder.
     */
    public static void finish(AtomicDirectory output, String jsonName, Map<String, Object> json, String title, Model model,
            RunRenderer renderer) throws IOException {
        String text = StableJson.toJson(json);
        Files.writeString(output.path().resolve(jsonName), text);
        HtmlReport report = new HtmlReport(title, model.toString());
        renderer.render(report, output.path(), JsonParser.parseString(text).getAsJsonObject(), report::section);
        Files.writeString(output.path().resolve("index.html"), report.render());
        output.commit();
    }

    /** Refuses a model without a recorded input shape when none is given. */
    public static void requireShape(ModelArguments model) {
        if (!model.knowsItsShape()) {
            throw new InvalidInputException("the model file does not record its input shape: give --input-shape C,H,W");
        }
    }
}
