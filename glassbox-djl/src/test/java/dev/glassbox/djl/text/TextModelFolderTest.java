package dev.glassbox.djl.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.glassbox.core.Progress;
import dev.glassbox.core.explain.text.TextEncoder;
import dev.glassbox.core.input.LabelledTexts;
import dev.glassbox.core.metrics.Classification;
import dev.glassbox.core.model.ModelLoadException;
import dev.glassbox.djl.model.Models;
import dev.glassbox.djl.zoo.ModelCard;
import dev.glassbox.djl.zoo.SavedModels;
import dev.glassbox.djl.zoo.TextClassifierTraining;
import dev.glassbox.djl.zoo.TextCnn;
import dev.glassbox.djl.zoo.Training;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextModelFolderTest {
    private static final List<String> MAILS = List.of("Subject: hi\n\nsee you at the meeting",
            "Subject: FREE money\n\nwin now, offer ends", "no header, just hello friend");

    @Test
    void aSavedTextModelLoadsWithItsVocabularyAndTheSamePredictions(@TempDir Path dir) {
        Path folder = dir.resolve("spam");
        float[][] before;
        try (TextClassifier model = TextNets.random(TextEncoder.Part.BODY, 20, 2)) {
            before = model.predict(MAILS);
            SavedModels.save(model, new ModelCard(TextCnn.NAME, new int[] {20}, TextNets.CLASSES, "random", 2, 0,
                    Map.of(), model.encoder().settings()), folder);
        }

        assertThat(SavedModels.isTextModel(folder)).isTrue();
        assertThat(folder.resolve(SavedModels.VOCABULARY)).isRegularFile();
        try (TextClassifier loaded = Models.loadText(folder, 64)) {
            assertThat(loaded.classNames()).isEqualTo(TextNets.CLASSES);
            assertThat(loaded.encoder().settings()).isEqualTo(TextEncoder.Settings.words(TextEncoder.Part.BODY, 20));
            assertThat(loaded.encoder().vocabulary().size()).isEqualTo(TextNets.VOCABULARY.size());
            float[][] after = loaded.predict(MAILS);
            for (int i = 0; i < MAILS.size(); i++) {
                assertThat(after[i]).containsExactly(before[i], within(1e-6f));
            }
        }
        assertThatThrownBy(() -> Models.load(folder, dev.glassbox.core.model.ModelOptions.withShape(null)))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining("holds a text model");
        assertThatThrownBy(() -> Models.loadText(dir, 64)).isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("text model folder not found");
    }

    @Test
    void trainingLearnsWhichWordsMakeSpam() {
        LabelledTexts train = synthetic(240, new Random(1));
        LabelledTexts test = synthetic(100, new Random(2));
        TextClassifierTraining.Recipe recipe = new TextClassifierTraining.Recipe(
                TextEncoder.Settings.words(TextEncoder.Part.BODY, 12), 1, 100, new Training.Settings(6, 16, 1e-2f, 5));

        try (TextClassifier model = TextClassifierTraining.train(TextCnn.NAME, train, recipe, Progress.NONE)) {
            assertThat(Classification.accuracy(model.predict(test.texts()), test.labels())).isGreaterThan(0.95);
            assertThat(model.encoder().vocabulary().id("offer")).isGreaterThan(1);
        }
    }

    /** Mails of four body words; spam when one of them is "offer" or "win". The header is noise. */
    private static LabelledTexts synthetic(int count, Random random) {
        String[] words = {"hello", "friend", "meeting", "the", "at", "now", "money", "free", "offer", "win"};
        List<String> texts = new ArrayList<>();
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            StringBuilder mail = new StringBuilder("Subject: ").append(words[random.nextInt(words.length)]).append("\n\n");
            for (int w = 0; w < 4; w++) {
                String word = words[random.nextInt(words.length)];
                labels[i] |= word.equals("offer") || word.equals("win") ? 1 : 0;
                mail.append(word).append(' ');
            }
            texts.add(mail.toString());
        }
        List<String> ids = texts.stream().map(t -> "synthetic").toList();
        return new LabelledTexts(ids, texts, labels, TextNets.CLASSES);
    }
}
