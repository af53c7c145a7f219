package dev.glassbox.djl.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.model.Batches;
import dev.glassbox.core.model.ModelLoadException;
import dev.glassbox.core.model.ModelOptions;
import dev.glassbox.core.model.Shape;
import dev.glassbox.djl.Gradients;
import dev.glassbox.djl.LayerGradient;
import dev.glassbox.djl.LayeredModel;
import dev.glassbox.djl.OutputWeighting;
import dev.glassbox.djl.ParameterizedModel;
import dev.glassbox.djl.backprop.Tensors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

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
    private boolean dropoutSamplingChecked;

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
        requireLayer(layer);
        return layerGradientInChunks(batch, layer, weighting, features::apply, head::apply);
    }

    @Override
    public float[][] activations(float[][] batch, String layer) {
        requireLayer(layer);
        return predictWith(batch, features::apply);
    }

    @Override
    public Gradients activationInputGradient(float[][] batch, String layer, OutputWeighting weighting) {
        requireLayer(layer);
        return gradientsThrough(batch, weighting, features::apply);
    }

    private void requireLayer(String layer) {
        refuseTupleGradients();
        if (features == null) {
            throw new InvalidInputException(description + " is opaque: no layer '" + layer + "' can be reached. Export "
                    + "features(x) and head(a) methods, or two files, and load it split");
        }
        if (!SPLIT_LAYER.equals(layer)) {
            throw new InvalidInputException("layer '" + layer + "' is not reachable in " + description
                    + ": a split TorchScript model has only the layer '" + SPLIT_LAYER + "'");
        }
    }

    /**
     * {@code passes} MC-dropout passes over each row of {@code batch}: dropout sampled, BatchNorm kept on its running
     * statistics. A split model runs {@code features(x)} once per row in eval mode and {@code head(a)} on the repeated
     * activations in train mode; a whole model runs on repeated inputs in train mode. Train mode would also switch
     * BatchNorm to batch statistics and update its running statistics, so the part run in train mode must hold
     * dropout and no BatchNorm: {@link #requireDropoutSampling()} checks that before the first draw. The result holds
     * {@code passes × rows} rows, pass after pass, each an independent draw (seed the engine for reproducible draws).
     * The whole batch goes through the engine at once: keep {@code passes × rows} near {@link #batchSize()}.
     *
     * @throws InvalidInputException when the part run in train mode has no active dropout or has BatchNorm
     */
    public float[][] predictWithDropout(float[][] batch, int passes) {
        Batches.requireValid(batch, inputShape());
        requireDropoutSampling();
        try (NDManager scope = manager().newSubManager()) {
            NDArray x = Tensors.fromRows(scope, batch, inputShape());
            NDArray shared = features == null ? x : features.apply(x);
            NDList copies = new NDList(passes);
            for (int t = 0; t < passes; t++) {
                copies.add(shared);
            }
            return Tensors.toRows(sampledForward(head, passes == 1 ? shared : NDArrays.concat(copies, 0)));
        }
    }

    /**
     * Checks, once per model, that {@link #predictWithDropout} samples dropout and only dropout: on a copy of the
     * module, two train-mode passes over two uniform random inputs must leave the copy's state (parameters and
     * buffers) unchanged and must differ from each other. The check draws from the engine's random generator, so
     * call it before seeding the draws that must be reproducible.
     *
     * @throws InvalidInputException when the part run in train mode has no active dropout or has BatchNorm
     */
    public void requireDropoutSampling() {
        if (dropoutSamplingChecked) {
            return;
        }
        String part = features == null ? description : "the head of " + description;
        Random random = new Random(1);
        float[][] probe = new float[2][inputShape().size()];
        for (float[] row : probe) {
            for (int j = 0; j < row.length; j++) {
                row[j] = random.nextFloat();
            }
        }
        try (NDManager scope = manager().newSubManager(); ScriptFunction copy = head.copy()) {
            NDArray x = Tensors.fromRows(scope, probe, inputShape());
            NDArray input = features == null ? x : features.apply(x);
            byte[] before = copy.state();
            float[] first = sampledForward(copy, input).toFloatArray();
            float[] second = sampledForward(copy, input).toFloatArray();
            if (!Arrays.equals(before, copy.state())) {
                throw new InvalidInputException(part + " changes its state in train mode (it has BatchNorm or another "
                        + "layer with running statistics), so MC dropout cannot run it in train mode. Load it split "
                        + "(features(x) with the BatchNorm layers, head(a) with the dropout) or export a forward "
                        + "that applies dropout with training=True");
            }
            if (Arrays.equals(first, second)) {
                throw new InvalidInputException(part + " gives the same scores in two train-mode passes: it has no "
                        + "active dropout, so MC dropout cannot sample it");
            }
        }
        dropoutSamplingChecked = true;
    }

    private static NDArray sampledForward(ScriptFunction head, NDArray input) {
        head.trainMode(true);
        try {
            return head.apply(input);
        } finally {
            head.trainMode(false);
        }
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
