package dev.glassbox.djl;

import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.ModelLoadException;
import dev.glassbox.djl.zoo.SavedEnsembles;
import dev.glassbox.djl.text.TextClassifier;
import dev.glassbox.djl.zoo.SavedModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import dev.glassbox.core.model.Shape;
import dev.glassbox.djl.onnx.OnnxGraphs;
import dev.glassbox.djl.onnx.OnnxImport;
import dev.glassbox.djl.onnx.UnsupportedOperatorException;

/**
 * Loads a model from a path, choosing the engine by what the path is: a glassbox model folder (DJL blocks with a
 * {@code model.json}), an ensemble folder (with an {@code ensemble.json}), a TorchScript file ({@code .pt},
 * {@code .pth}, {@code .torchscript}) or an ONNX file. Text models (model folders with a vocabulary) load with
 * {@link #loadText}.
 */
public final class Models {
    private Models() {
    }

    /** Loads a whole model. */
    public static Model load(Path path, ModelOptions options) {
        if (!Files.exists(path)) {
            throw new ModelLoadException("model file not found: " + path);
        }
        if (Files.isDirectory(path)) {
            if (SavedEnsembles.isSavedEnsemble(path)) {
                return SavedEnsembles.load(path, options.batchSize());
            }
            if (!SavedModels.isSavedModel(path)) {
                throw new ModelLoadException("model folder " + path + " has no model.json or ensemble.json; expected a "
                        + "folder saved by glassbox, or a .pt / .onnx file");
            }
            return SavedModels.load(path, options.batchSize());
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".onnx")) {
            return loadOnnx(path, options);
        }
        if (name.endsWith(".pt") || name.endsWith(".pth") || name.endsWith(".torchscript")) {
            return TorchScriptModel.load(path, options);
        }
        throw new ModelLoadException("cannot tell what kind of model " + path + " is: expected a .pt/.pth TorchScript "
                + "file, an .onnx file, or a glassbox model folder");
    }

    /**
     * An ONNX file imported as a graph on the PyTorch engine (gradients, layers, rules), whose plain forward passes run
     * on ONNX Runtime (measured several times faster on CPU); a file with an operator the importer does not know runs
     * forward only through ONNX Runtime, remembering why.
     */
    private static Model loadOnnx(Path path, ModelOptions options) {
        OnnxImport imported;
        try {
            imported = OnnxGraphs.read(path);
        } catch (UnsupportedOperatorException e) {
            return OnnxModel.load(path, options, e.getMessage());
        }
        try {
            Shape shape = options.inputShape() != null ? options.inputShape() : declaredShape(imported, path);
            ImportedModel model = ImportedModel.of(imported.graph(), imported, shape, options,
                    "ONNX model " + path.getFileName());
            try {
                model.forwardWith(OnnxModel.load(path, options.inputShape(shape)));
            } catch (RuntimeException e) {
                model.close();
                throw e;
            }
            return model;
        } catch (RuntimeException e) {
            imported.close();
            throw e;
        }
    }

    private static Shape declaredShape(OnnxImport imported, Path path) {
        List<Long> dims = imported.sampleShape();
        if (dims == null || dims.isEmpty() || dims.contains(null) || dims.stream().anyMatch(d -> d <= 0)) {
            throw new ModelLoadException("ONNX model " + path + " does not fix the shape of one input sample " + dims
                    + ": give the input shape (--input-shape)");
        }
        return new Shape(dims.stream().mapToInt(Math::toIntExact).toArray());
    }

    /** Loads a text model: a glassbox model folder whose card has text settings, with its vocabulary. */
    public static TextClassifier loadText(Path path, int batchSize) {
        if (!Files.isDirectory(path) || !SavedModels.isSavedModel(path)) {
            throw new ModelLoadException("text model folder not found: " + path + " (expected a folder with "
                    + "model.json and " + SavedModels.VOCABULARY + ")");
        }
        return SavedModels.loadText(path, batchSize);
    }

    /**
     * Loads a TorchScript model split at a layer: {@code head == null} means one file exporting {@code features} and
     * {@code head} methods; otherwise two files.
     */
    public static TorchScriptModel loadSplit(Path features, Path head, ModelOptions options) {
        return head == null ? TorchScriptModel.loadSplit(features, options)
                : TorchScriptModel.loadSplit(features, head, options);
    }
}
