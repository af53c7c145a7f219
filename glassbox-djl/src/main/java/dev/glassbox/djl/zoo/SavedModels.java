package dev.glassbox.djl.zoo;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import dev.glassbox.core.model.ModelLoadException;
import dev.glassbox.djl.BlockModel;
import dev.glassbox.djl.ModelOptions;
import dev.glassbox.djl.NamedBlocks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Saves and loads DJL block models as a folder: {@code model.json} (the {@link ModelCard}) and the DJL parameter
 * file. Saving writes into a temporary sibling folder that is moved into place only when complete.
 */
public final class SavedModels {
    private SavedModels() {
    }

    /** Whether a folder holds a saved glassbox model. */
    public static boolean isSavedModel(Path dir) {
        return Files.isRegularFile(dir.resolve(ModelCard.FILE));
    }

    /** Loads a saved model folder. */
    public static BlockModel load(Path dir, int batchSize) {
        Path cardFile = dir.resolve(ModelCard.FILE);
        if (!Files.isRegularFile(cardFile)) {
            throw new ModelLoadException("model folder " + dir + " has no " + ModelCard.FILE);
        }
        ModelCard card;
        try {
            card = ModelCard.fromJson(Files.readString(cardFile), cardFile.toString());
        } catch (IOException e) {
            throw new ModelLoadException("cannot read " + cardFile + ": " + e.getMessage(), e);
        }
        NamedBlocks layers = Architectures.build(card.architecture());
        Model model = Model.newInstance(card.architecture(), "PyTorch");
        model.setBlock(layers.block());
        try {
            model.load(dir, card.architecture());
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new ModelLoadException("cannot load the weights in " + dir + ": " + e.getMessage(), e);
        }
        // an autoencoder's card names no classes: its outputs are reconstructed values
        List<String> classes = card.classes().isEmpty() ? null : card.classes();
        return BlockModel.of(model, layers, new ModelOptions(card.shape(), classes, batchSize));
    }

    /** Writes a model and its card to {@code dir}, replacing what was there only once everything is written. */
    public static void save(BlockModel model, ModelCard card, Path dir) {
        Path parent = dir.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
            Path staging = Files.createTempDirectory(parent, "." + dir.getFileName() + ".");
            model.djlModel().setProperty("Epoch", Integer.toString(card.epochs()));
            model.djlModel().save(staging, card.architecture());
            Files.writeString(staging.resolve(ModelCard.FILE), card.toJson());
            dev.glassbox.core.output.AtomicDirectory.replace(staging, dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the model to " + dir, e);
        }
    }
}
