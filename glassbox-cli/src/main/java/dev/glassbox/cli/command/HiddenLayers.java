package dev.glassbox.cli.command;

import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.Shape;
import dev.glassbox.djl.model.Capabilities;
import dev.glassbox.djl.LayeredModel;
import dev.glassbox.core.model.ModelOptions;
import dev.glassbox.djl.model.Models;
import dev.glassbox.djl.model.TorchScriptModel;
import java.nio.file.Path;
import java.util.List;

/** The outputs of a model's hidden layer for a set of inputs, to embed what the model sees instead of the pixels. */
public final class HiddenLayers {
    private HiddenLayers() {
    }

    /**
     * The activations of {@code layer} (default: the input of the model's last layer) for each row, flattened.
     * {@code shape} is the rows' sample shape, for models that do not record theirs.
     */
    public static float[][] activations(Path modelPath, boolean split, String layer, float[][] rows, Shape shape) {
        ModelOptions options = new ModelOptions(shape, null, ModelOptions.DEFAULT_BATCH);
        try (Model model = split ? Models.loadSplit(modelPath, null, options) : Models.load(modelPath, options)) {
            LayeredModel layered = Capabilities.layered(model, "--layer");
            String chosen = layer != null ? layer : defaultLayer(layered);
            return layered.activations(rows, chosen);
        }
    }

    private static String defaultLayer(LayeredModel model) {
        List<String> names = model.layerNames();
        if (model instanceof TorchScriptModel || names.size() < 2) {
            return names.get(names.size() - 1);
        }
        return names.get(names.size() - 2);
    }
}
