package dev.glassbox.djl.inspect;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.Progress;
import dev.glassbox.core.inspect.ConceptImages;
import dev.glassbox.core.inspect.Dissection;
import dev.glassbox.core.model.Shape;
import dev.glassbox.djl.LayeredModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Network dissection of a model's layers on a concept data set ({@link ConceptImages}): the activations of each
 * layer are read through the layer contract for every image, in chunks of forward passes, then cut and compared with the concept masks
 * by {@link Dissection}.
 */
public final class NetworkDissection {
    private static final int CHUNK = 64;

    private NetworkDissection() {
    }

    /** Dissects each of {@code layers} of {@code model} with the paper's 0.5% quantile and IoU threshold 0.04. */
    public static List<Dissection.Result> dissect(LayeredModel model, List<String> layers, ConceptImages data,
            Progress progress) {
        if (!model.inputShape().equals(data.shape())) {
            throw new InvalidInputException("the concept images have shape " + data.shape() + " but the model takes "
                    + model.inputShape());
        }
        List<Shape> shapes = new ArrayList<>();
        for (String layer : layers) {
            Shape shape = ModelObjective.layerShape(model, layer);
            Dissection.requireMaps(layer, shape);
            shapes.add(shape);
        }
        float[][] images = data.images();
        List<Dissection.Result> out = new ArrayList<>();
        int chunks = (images.length + CHUNK - 1) / CHUNK;
        for (int l = 0; l < layers.size(); l++) {
            String layer = layers.get(l);
            Shape shape = shapes.get(l);
            float[][] activations = new float[images.length][];
            for (int from = 0, done = 0; from < images.length; from += CHUNK) {
                int to = Math.min(images.length, from + CHUNK);
                float[][] chunk = java.util.Arrays.copyOfRange(images, from, to);
                System.arraycopy(model.activations(chunk, layer), 0, activations, from, chunk.length);
                progress.update("dissect " + layer, ++done, chunks);
            }
            out.add(Dissection.dissect(layer, shape, activations, data, Dissection.TOP_QUANTILE,
                    Dissection.LABEL_IOU));
        }
        return out;
    }
}
