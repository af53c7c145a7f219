package dev.glassbox.cli.option;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.Shape;
import dev.glassbox.core.model.ModelOptions;
import dev.glassbox.djl.model.Models;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The options that say which model to load, shared by every command that runs one. */
public final class ModelArguments {
    @Option(names = {"--model", "--features"}, required = true, paramLabel = "M",
            description = "A glassbox model folder, a TorchScript .pt file or an .onnx file; with --head, the TorchScript "
                    + "features file (--model F --head H). --features is another name for --model: give one of them, "
                    + "once.")
    public Path model;

    @Option(names = "--head", paramLabel = "H",
            description = "TorchScript head file: load --model as features(x) and this as head(a), split at that layer.")
    public Path head;

    @Option(names = "--split", description = "Load a TorchScript --model that exports features(x) and head(a) methods.")
    public boolean split;

    @Option(names = "--input-shape", paramLabel = "C,H,W",
            description = "Shape of one input sample when the model file does not record it (default: the shape of "
                    + "the first input, which may then hold at most 3×1024×1024 values).")
    public String inputShape;

    @Option(names = "--classes", paramLabel = "FILE", description = "Class names, one per line.")
    public Path classes;

    @Option(names = "--batch-size", description = "Samples per engine call, the memory bound of every pass (default: ${DEFAULT-VALUE}).")
    public int batchSize = ModelOptions.DEFAULT_BATCH;

    /** Whether the model file records its own input shape, so inputs can be checked against it as they are read. */
    public boolean knowsItsShape() {
        return inputShape != null || Files.isDirectory(model) || model.toString().toLowerCase(Locale.ROOT).endsWith(".onnx");
    }

    /** Loads the model; {@code shapeHint} is used when neither the options nor the file give the input shape. */
    public Model load(Shape shapeHint) {
        Shape shape = inputShape != null ? Shape.parse(inputShape) : knowsItsShape() ? null : shapeHint;
        ModelOptions options = new ModelOptions(shape, classNames(), batchSize);
        if (head != null || split) {
            return Models.loadSplit(model, head, options);
        }
        return Models.load(model, options);
    }

    private List<String> classNames() {
        if (classes == null) {
            return null;
        }
        try {
            List<String> names = Files.readAllLines(classes).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
            if (names.isEmpty()) {
                throw new InvalidInputException("class names file " + classes + " is empty: expected one name per line");
            }
            return names;
        } catch (IOException e) {
            throw new InvalidInputException("cannot read class names file " + classes + ": " + e.getMessage());
        }
    }
}
