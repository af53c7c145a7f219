package dev.glassbox.djl.zoo;

import dev.glassbox.core.input.IdxReader;
import dev.glassbox.core.input.IdxWriter;
import dev.glassbox.core.input.LabelledImages;
import dev.glassbox.core.model.ModelLoadException;
import dev.glassbox.djl.model.BlockModel;
import dev.glassbox.djl.interpretable.NearestExamples;
import dev.glassbox.djl.interpretable.PrototypeLayer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How a prototype network's prototypes are drawn: for each prototype the training image whose latent code is nearest
 * to it, kept in the model folder as an IDX image file and label file ({@value #IMAGES}, {@value #LABELS}), one image
 * per prototype in prototype order.
 */
public final class PrototypeImages {
    /** The image file in a prototype network's folder. */
    public static final String IMAGES = "prototype-images-idx3-ubyte.gz";
    /** The label file in a prototype network's folder. */
    public static final String LABELS = "prototype-labels-idx1-ubyte.gz";

    private PrototypeImages() {
    }

    /** For each prototype of {@code model}, the image of {@code data} whose code in layer {@code latent} is nearest. */
    public static LabelledImages nearest(BlockModel model, String latent, String distances, LabelledImages data,
            float[][] dataRows) {
        NearestExamples examples = NearestExamples.of(model, latent, dataRows, data.labels());
        PrototypeLayer layer = (PrototypeLayer) model.layers().layer(distances);
        float[][] points = layer.points();
        int[] indices = new int[points.length];
        for (int j = 0; j < indices.length; j++) {
            indices[j] = examples.nearest(points[j], 1).get(0).index();
        }
        return data.subset(indices);
    }

    /** Writes the images into a model folder (or its staging folder). */
    public static void write(LabelledImages images, Path dir) throws IOException {
        IdxWriter.write(images, dir.resolve(IMAGES), dir.resolve(LABELS));
    }

    /** Reads the prototype images of a saved prototype network. */
    public static LabelledImages read(Path dir) {
        if (!Files.isRegularFile(dir.resolve(IMAGES)) || !Files.isRegularFile(dir.resolve(LABELS))) {
            throw new ModelLoadException("model folder " + dir + " has no prototype images (" + IMAGES + ", " + LABELS
                    + "): it is not a prototype network");
        }
        return IdxReader.read(dir.resolve(IMAGES), dir.resolve(LABELS));
    }
}
