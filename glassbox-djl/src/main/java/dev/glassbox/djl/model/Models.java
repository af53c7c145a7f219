package dev.glassbox.djl.model;

import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.ModelLoadException;
import dev.glassbox.core.model.ModelOptions;
import dev.glassbox.djl.DifferentiableModel;
import dev.glassbox.djl.LayeredModel;
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
 *
 * <p>Loading a TorchScript file sets the JVM-wide system property {@code ai.djl.offline=true} unless it is already
 * set, so that DJL takes the PyTorch natives from the class path and never downloads them; set it to {@code false}
 * before loading to let DJL fetch natives.
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
     * Loads a model for methods that need input gradients; a model that runs forward only is a clear {@link
     * dev.glassbox.core.InvalidInputException} (see {@link Capabilities#differentiable}), and nothing stays open.
     */
    public static DifferentiableModel loadDifferentiable(Path path, ModelOptions options) {
        return closingOnFailure(load(path, options), model -> Capabilities.differentiable(model, "loading " + path));
    }

    /**
     * Loads a model for methods that read a named layer (Grad-CAM, embeddings of hidden layers, concepts); a model
     * without reachable layers is a clear {@link dev.glassbox.core.InvalidInputException} (see {@link
     * Capabilities#layered}). A TorchScript model split at a layer loads with {@link #loadSplit}.
     */
    public static LayeredModel loadLayered(Path path, ModelOptions options) {
        return closingOnFailure(load(path, options), model -> Capabilities.layered(model, "loading " + path));
    }

    private static <T> T closingOnFailure(Model model, java.util.function.Function<Model, T> view) {
        try {
            return view.apply(model);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /**
     * An ONNX file imported as a graph on the PyTorch engine (gradients, layers, rules), whose plain forward passes run
     * on ONNX Runtime when glassbox-onnx is on the class path (measured several times faster on CPU), else on the
     * graph; a file with an operator the importer does not know runs forward only through ONNX Runtime, remembering
     * why (without glassbox-onnx it cannot be loaded).
     */
    private static Model loadOnnx(Path path, ModelOptions options) {
        OnnxImport imported;
        try {
            imported = OnnxGraphs.read(path);
        } catch (UnsupportedOperatorException e) {
            if (!OnnxRuntimeSupport.PRESENT) {
                throw new ModelLoadException(e.getMessage() + "; add glassbox-onnx (ONNX Runtime) to run this model "
                        + "forward only for the perturbation methods", e);
            }
            return OnnxRuntimeModels.load(path, options, e.getMessage());
        }
        try {
            Shape shape = options.inputShape() != null ? options.inputShape() : declaredShape(imported, path);
            ImportedModel model = ImportedModel.of(imported.graph(), imported, shape, options,
                    "ONNX model " + path.getFileName());
            if (OnnxRuntimeSupport.PRESENT) {
                try {
                    model.forwardWith(OnnxRuntimeModels.load(path, options.inputShape(shape), null));
                    model.innerTensorsWith(OnnxRuntimeModels.innerTensors(path, imported.graph().input()));
                } catch (RuntimeException e) {
                    model.close();
                    throw e;
                }
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
