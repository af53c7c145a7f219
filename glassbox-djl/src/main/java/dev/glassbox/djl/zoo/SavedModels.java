package dev.glassbox.djl.zoo;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import dev.glassbox.core.explain.text.TextEncoder;
import dev.glassbox.core.explain.text.Vocabulary;
import dev.glassbox.core.model.ModelLoadException;
import dev.glassbox.djl.model.BlockModel;
import dev.glassbox.core.model.ModelOptions;
import dev.glassbox.djl.model.NamedBlocks;
import dev.glassbox.djl.text.TextClassifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Saves and loads DJL block models as a folder: {@code model.json} (the {@link ModelCard}), the DJL parameter file,
 * and for text models the vocabulary ({@value #VOCABULARY}, one token per line). Saving writes into a temporary sibling
 * folder that is moved into place only when complete.
 */
public final class SavedModels {
    /** The vocabulary file of a text model folder. */
    public static final String VOCABULARY = "vocabulary.txt";

    private SavedModels() {
    }

    /** Whether a folder holds a saved glassbox model. */
    public static boolean isSavedModel(Path dir) {
        return Files.isRegularFile(dir.resolve(ModelCard.FILE));
    }

    /** Whether a folder holds a saved glassbox text model. */
    public static boolean isTextModel(Path dir) {
        return isSavedModel(dir) && card(dir).isText();
    }

    /** Loads a saved model folder. */
    public static BlockModel load(Path dir, int batchSize) {
        ModelCard card = card(dir);
        if (card.isText()) {
            throw new ModelLoadException("model folder " + dir + " holds a text model: explain it with .txt inputs, "
                    + "or load it with Models.loadText");
        }
        NamedBlocks layers = Architectures.build(card.architecture());
        Model model = weights(dir, card, layers);
        // an autoencoder's card names no classes: its outputs are reconstructed values
        List<String> classes = card.classes().isEmpty() ? null : card.classes();
        return BlockModel.of(model, layers, new ModelOptions(card.shape(), classes, batchSize));
    }

    /** Loads a saved text model folder with its vocabulary. */
    public static TextClassifier loadText(Path dir, int batchSize) {
        ModelCard card = card(dir);
        if (!card.isText()) {
            throw new ModelLoadException("model folder " + dir + " holds no text model: its card has no text settings");
        }
        Path file = dir.resolve(VOCABULARY);
        if (!Files.isRegularFile(file)) {
            throw new ModelLoadException("text model folder " + dir + " has no " + VOCABULARY);
        }
        Vocabulary vocabulary;
        try {
            vocabulary = Vocabulary.read(file);
        } catch (RuntimeException e) {
            throw new ModelLoadException("cannot read the vocabulary " + file + ": " + e.getMessage(), e);
        }
        NamedBlocks layers = Architectures.buildText(card.architecture(), vocabulary.size(), card.classes().size());
        Model model = weights(dir, card, layers);
        BlockModel network = BlockModel.of(model, layers, new ModelOptions(card.shape(), card.classes(), batchSize));
        try {
            return new TextClassifier(network, new TextEncoder(card.text(), vocabulary));
        } catch (RuntimeException e) {
            network.close();
            throw e;
        }
    }

    /** The card of a saved model folder. */
    public static ModelCard card(Path dir) {
        Path cardFile = dir.resolve(ModelCard.FILE);
        if (!Files.isRegularFile(cardFile)) {
            throw new ModelLoadException("model folder " + dir + " has no " + ModelCard.FILE);
        }
        try {
            return ModelCard.fromJson(Files.readString(cardFile), cardFile.toString());
        } catch (IOException e) {
            throw new ModelLoadException("cannot read " + cardFile + ": " + e.getMessage(), e);
        }
    }

    /** A DJL model of {@code layers} with the weights saved in {@code dir}. */
    private static Model weights(Path dir, ModelCard card, NamedBlocks layers) {
        Model model = Model.newInstance(card.architecture(), "PyTorch");
        model.setBlock(layers.block());
        try {
            model.load(dir, card.architecture());
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new ModelLoadException("cannot load the weights in " + dir + ": " + e.getMessage(), e);
        }
        return model;
    }

    /** Writes a model and its card to {@code dir}, replacing what was there only once everything is written. */
    public static void save(BlockModel model, ModelCard card, Path dir) {
        save(model, card, dir, staging -> { });
    }

    /** Writes a text model, its card and its vocabulary to {@code dir}, as {@link #save(BlockModel, ModelCard, Path)}. */
    public static void save(TextClassifier classifier, ModelCard card, Path dir) {
        if (!card.isText()) {
            throw new IllegalArgumentException("the card of a text model needs its text settings");
        }
        save(classifier.network(), card, dir, staging -> classifier.encoder().vocabulary().write(staging.resolve(VOCABULARY)));
    }

    /** Writes more files into the staging folder. */
    @FunctionalInterface
    public interface Extra {
        /** Writes the files into {@code staging}, the folder that becomes the model folder. */
        void write(Path staging) throws IOException;
    }

    /** Writes a model, its card and the files {@code extra} writes to {@code dir}, as {@link #save(BlockModel, ModelCard, Path)}. */
    public static void save(BlockModel model, ModelCard card, Path dir, Extra extra) {
        Path parent = dir.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
            Path staging = Files.createTempDirectory(parent, "." + dir.getFileName() + ".");
            model.djlModel().setProperty("Epoch", Integer.toString(card.epochs()));
            model.djlModel().save(staging, card.architecture());
            Files.writeString(staging.resolve(ModelCard.FILE), card.toJson());
            extra.write(staging);
            dev.glassbox.core.output.AtomicDirectory.replace(staging, dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the model to " + dir, e);
        }
    }
}
