package dev.glassbox.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.model.ModelLoadException;
import dev.glassbox.core.model.Shape;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A TorchScript model with batched input gradients. Loaded whole, it is opaque: scores and input gradients only.
 * Loaded split at a layer (one file exporting {@code features(x)} and {@code head(a)}, or two files), it also gives
 * the activation at the split, named {@value #SPLIT_LAYER}, and its gradient.
 *
 * <p>A {@code forward} that returns a tuple is accepted for predictions (its first output is taken as the scores) but
 * refused for gradients: DJL returns all-zero gradients through the outputs of a tuple, and glassbox never returns a
 * silently wrong answer.
 */
public final class TorchScriptModel extends EngineModel implements LayeredModel, ParameterizedModel {
    /** The name of the layer at the split of a split model. */
    public static final String SPLIT_LAYER = "features";

    private final String description;
    private final ScriptFunction features;
    private final ScriptFunction head;
    private final int forwardOutputs;

    private TorchScriptModel(String description, ScriptFunction features, ScriptFunction head, int forwardOutputs,
            Shape inputShape, int outputSize, ModelOptions options) {
        super(NDManager.newBaseManager("PyTorch"), inputShape, outputSize, options);
        this.description = description;
        this.features = features;
        this.head = head;
        this.forwardOutputs = forwardOutputs;
    }

    /** Loads a whole TorchScript model; its input shape must be given in the options. */
    public static TorchScriptModel load(Path file, ModelOptions options) {
        return create("TorchScript model " + file, null, ScriptFunction.load(file), options);
    }

    /** Loads one TorchScript file that exports {@code features(x)} and {@code head(a)} methods. */
    public static TorchScriptModel loadSplit(Path file, ModelOptions options) {
        ScriptFunction module = ScriptFunction.load(file, "features");
        return create("TorchScript model " + file + " (features/head)", module, module.method("head"), options);
    }

    /** Loads a model split into two TorchScript files: features (input to activation) and head (activation to scores). */
    public static TorchScriptModel loadSplit(Path featuresFile, Path headFile, ModelOptions options) {
        ScriptFunction features = ScriptFunction.load(featuresFile);
        try {
            return create("TorchScript model " + featuresFile + " + " + headFile, features,
                    ScriptFunction.load(headFile), options);
        } catch (RuntimeException e) {
            features.close();
            throw e;
        }
    }

    private static TorchScriptModel create(String description, ScriptFunction features, ScriptFunction head,
            ModelOptions options) {
        try {
            Shape shape = options.inputShape();
            if (shape == null) {
                throw new ModelLoadException(description + " does not record its input shape: give it (e.g. 1,28,28)");
            }
            int[] outputs = new int[1];
            NDManager probe = NDManager.newBaseManager("PyTorch");
            try (probe) {
                int outputSize = EngineModel.probeOutputSize(probe, shape, x -> {
                    var result = head.call(features == null ? x : features.apply(x));
                    outputs[0] = result.size();
                    return result.get(0);
                }, description);
                return new TorchScriptModel(description, features, head, outputs[0], shape, outputSize, options);
            }
        } catch (RuntimeException e) {
            head.close();
            if (features != null) {
                features.close();
            }
            throw e;
        }
    }

    @Override
    protected NDArray forward(NDArray x) {
        return head.apply(features == null ? x : features.apply(x));
    }

    @Override
    public Gradients gradients(float[][] batch, OutputWeighting weighting) {
        refuseTupleGradients();
        return super.gradients(batch, weighting);
    }

    @Override
    public List<String> layerNames() {
        return features == null ? List.of() : List.of(SPLIT_LAYER);
    }

    @Override
    public LayerGradient layerGradient(float[][] batch, String layer, OutputWeighting weighting) {
        refuseTupleGradients();
        if (features == null) {
            throw new InvalidInputException(description + " is opaque: no layer '" + layer + "' can be reached. Export "
                    + "features(x) and head(a) methods, or two files, and load it split");
        }
        if (!SPLIT_LAYER.equals(layer)) {
            throw new InvalidInputException("layer '" + layer + "' is not reachable in " + description
                    + ": a split TorchScript model has only the layer '" + SPLIT_LAYER + "'");
        }
        return layerGradientInChunks(batch, layer, weighting, features::apply, head::apply);
    }

    /**
     * The module's parameters (weights, biases, BatchNorm's affine factors; not its buffers such as running statistics)
     * grouped by submodule, named as PyTorch names them ({@code conv1} for {@code conv1.weight}), in the order the
     * module registers them, usually forward order. The two files of a split model each list what they hold.
     */
    @Override
    public Map<String, List<Parameter>> parameters() {
        Map<String, List<Parameter>> out = new LinkedHashMap<>();
        for (ScriptFunction function : features == null ? List.of(head) : List.of(features, head)) {
            for (Parameter parameter : function.parameters()) {
                String name = parameter.getName();
                int dot = name.lastIndexOf('.');
                List<Parameter> layer = out.computeIfAbsent(dot < 0 ? name : name.substring(0, dot),
                        k -> new ArrayList<>());
                if (!layer.contains(parameter)) {
                    layer.add(parameter);
                }
            }
        }
        return out;
    }

    /** Switches dropout and BatchNorm of the underlying modules to train mode (for sampling) or back to eval mode. */
    public void trainMode(boolean train) {
        head.trainMode(train);
        if (features != null) {
            features.trainMode(train);
        }
    }

    private void refuseTupleGradients() {
        if (forwardOutputs > 1) {
            throw new InvalidInputException(description + " returns a tuple of " + forwardOutputs + " outputs; DJL "
                    + "gives wrong (all-zero) gradients through tuple outputs, so gradient methods are refused. Export "
                    + "a forward that returns only the scores, and features(x)/head(a) methods to reach a layer");
        }
    }

    @Override
    public void close() {
        head.close();
        if (features != null) {
            features.close();
        }
        super.close();
    }

    @Override
    public String toString() {
        return description;
    }
}
