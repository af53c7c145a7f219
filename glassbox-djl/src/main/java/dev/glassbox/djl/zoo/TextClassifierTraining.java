package dev.glassbox.djl.zoo;

import ai.djl.Model;
import ai.djl.training.loss.Loss;
import dev.glassbox.core.Progress;
import dev.glassbox.core.explain.text.TextEncoder;
import dev.glassbox.core.explain.text.Vocabulary;
import dev.glassbox.core.input.LabelledTexts;
import dev.glassbox.core.model.Shape;
import dev.glassbox.djl.model.BlockModel;
import dev.glassbox.core.model.ModelOptions;
import dev.glassbox.djl.model.NamedBlocks;
import dev.glassbox.djl.text.TextClassifier;

/**
 * Trains a text classifier on labelled texts: the vocabulary is built from the words the model reads of the training
 * texts, each text becomes a row of token ids, and a text architecture learns with softmax cross-entropy in the shared
 * {@link Training} loop.
 */
public final class TextClassifierTraining {

    /**
     * What to train.
     *
     * @param reading how texts are read (tokens, case, whole text or body, length)
     * @param minCount the fewest times a training word must occur to enter the vocabulary
     * @param maxWords the most words in the vocabulary besides the special tokens
     * @param training epochs, batch size, learning rate and seed
     */
    public record Recipe(TextEncoder.Settings reading, int minCount, int maxWords, Training.Settings training) {
        /**
         * The spam filter's recipe: lowercased words of {@code part}, at most 512 per e-mail, the 4,000 most frequent
         * training words seen at least three times, 8 epochs of batches of 64 at a learning rate of 0.002.
         */
        public static Recipe spam(TextEncoder.Part part) {
            return new Recipe(TextEncoder.Settings.words(part, 512), 3, 4000, new Training.Settings(8, 64, 2e-3f, 20261122L));
        }
    }

    private TextClassifierTraining() {
    }

    /** Trains a fresh network of the named text architecture on {@code data}. */
    public static TextClassifier train(String architecture, LabelledTexts data, Recipe recipe, Progress progress) {
        Vocabulary vocabulary = Vocabulary.build(data.texts().stream().flatMap(t -> recipe.reading().words(t).stream()),
                recipe.minCount(), recipe.maxWords());
        TextEncoder encoder = new TextEncoder(recipe.reading(), vocabulary);
        int length = recipe.reading().maxTokens();
        float[] ids = new float[data.count() * length];
        float[] labels = new float[data.count()];
        for (int i = 0; i < data.count(); i++) {
            System.arraycopy(encoder.encode(data.texts().get(i)).row(), 0, ids, i * length, length);
            labels[i] = data.labels()[i];
        }
        NamedBlocks layers = Architectures.buildText(architecture, vocabulary.size(), data.classes().size());
        Model model = Training.train(architecture, layers.block(), new Training.Examples(ids,
                new long[] {data.count(), length}, labels, new long[] {data.count()}),
                batches -> Loss.softmaxCrossEntropyLoss(), recipe.training(), progress);
        BlockModel network = BlockModel.of(model, layers, new ModelOptions(Shape.of(length), data.classes(),
                ModelOptions.DEFAULT_BATCH));
        return new TextClassifier(network, encoder);
    }
}
