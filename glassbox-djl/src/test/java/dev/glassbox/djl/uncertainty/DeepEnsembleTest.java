package dev.glassbox.djl.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.Progress;
import dev.glassbox.core.input.LabelledImages;
import dev.glassbox.core.math.Vectors;
import dev.glassbox.core.model.FunctionModel;
import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.ModelLoadException;
import dev.glassbox.core.model.Shape;
import dev.glassbox.core.uncertainty.StochasticPredictions;
import dev.glassbox.core.model.ModelOptions;
import dev.glassbox.djl.model.Models;
import dev.glassbox.djl.zoo.EnsembleCard;
import dev.glassbox.djl.zoo.EnsembleTraining;
import dev.glassbox.djl.zoo.FashionCnn;
import dev.glassbox.djl.zoo.ModelCard;
import dev.glassbox.djl.zoo.SavedEnsembles;
import dev.glassbox.djl.zoo.Training;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeepEnsembleTest {
    private static final List<String> CLASSES = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j");

    @Test
    void scoresAreTheLogOfTheMembersMeanProbabilities() {
        // three classes here; the trained ensemble below has FashionCnn's ten
        Model first = FunctionModel.ofLogits(Shape.of(2), 3, batch -> new float[][] {{2, 0, -1}, {0, 0, 0}});
        Model second = FunctionModel.ofLogits(Shape.of(2), 3, batch -> new float[][] {{-1, 3, 0}, {5, 0, 0}});
        try (DeepEnsemble ensemble = DeepEnsemble.of(List.of(first, second))) {
            float[][] x = {{1, 2}, {3, 4}};
            StochasticPredictions members = ensemble.memberPredictions(x);
            assertThat(members.members()).isEqualTo(2);
            float[][] scores = ensemble.predict(x);
            double[][] mean = members.mean();
            for (int i = 0; i < 2; i++) {
                double[] a = Vectors.softmax(new float[][] {{2, 0, -1}, {0, 0, 0}}[i]);
                double[] b = Vectors.softmax(new float[][] {{-1, 3, 0}, {5, 0, 0}}[i]);
                for (int k = 0; k < 3; k++) {
                    assertThat(mean[i][k]).isCloseTo((a[k] + b[k]) / 2, within(1e-12));
                }
                assertThat(Vectors.softmax(scores[i])).containsExactly(mean[i], within(1e-6));
            }
        }
    }

    @Test
    void membersMustAgreeOnShapes() {
        Model two = FunctionModel.ofLogits(Shape.of(2), 3, batch -> batch);
        Model four = FunctionModel.ofLogits(Shape.of(4), 3, batch -> batch);
        assertThatThrownBy(() -> DeepEnsemble.of(List.of(two, four))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("members differ");
        assertThatThrownBy(() -> DeepEnsemble.of(List.of())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at least one member");
    }

    /** 64 random 28×28 images whose label is which third of the image is brightest. */
    static LabelledImages brightestThird() {
        Random random = new Random(8);
        byte[] pixels = new byte[64 * 784];
        int[] labels = new int[64];
        for (int i = 0; i < 64; i++) {
            labels[i] = i % 3;
            for (int p = 0; p < 784; p++) {
                int third = Math.min(2, (p / 28) / 10);
                pixels[i * 784 + p] = (byte) (random.nextInt(128) + (third == labels[i] ? 127 : 0));
            }
        }
        return new LabelledImages(64, 28, 28, pixels, labels);
    }

    @Test
    void trainedEnsembleSavesAndLoadsAsOneFolder(@TempDir Path dir) throws IOException {
        LabelledImages data = brightestThird();
        float[][] x = new float[data.count()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = data.image(i);
        }
        Training.Settings settings = new Training.Settings(1, 32, 2e-3f, 17);
        Path folder = dir.resolve("ensemble");
        float[][] before;
        StochasticPredictions membersBefore;
        try (DeepEnsemble ensemble = EnsembleTraining.train(FashionCnn.NAME, FashionCnn::build, data, CLASSES,
                settings, 2, Progress.NONE)) {
            before = ensemble.predict(x);
            membersBefore = ensemble.memberPredictions(x);
            assertThat(membersBefore.probabilities()[0]).isNotEqualTo(membersBefore.probabilities()[1]);
            List<ModelCard> cards = new ArrayList<>();
            for (int m = 0; m < 2; m++) {
                cards.add(new ModelCard(FashionCnn.NAME, new int[] {1, 28, 28}, CLASSES, "brightest third",
                        EnsembleTraining.memberSeed(settings, m), 1, Map.of()));
            }
            SavedEnsembles.save(ensemble, cards, "brightest third", Map.of("accuracy", 0.5), folder);
        }
        assertThat(dir.toFile().list()).containsExactly("ensemble");
        assertThat(SavedEnsembles.isSavedEnsemble(folder)).isTrue();
        try (Model loaded = Models.load(folder, new ModelOptions(null, null, 16))) {
            assertThat(loaded).isInstanceOf(DeepEnsemble.class);
            assertThat(loaded.outputNames()).isEqualTo(CLASSES);
            DeepEnsemble ensemble = (DeepEnsemble) loaded;
            assertThat(ensemble.members()).hasSize(2);
            float[][] after = ensemble.predict(x);
            for (int i = 0; i < x.length; i++) {
                assertThat(after[i]).containsExactly(before[i], within(1e-5f));
            }
            StochasticPredictions membersAfter = ensemble.memberPredictions(x);
            for (int m = 0; m < 2; m++) {
                for (int i = 0; i < x.length; i++) {
                    assertThat(membersAfter.probabilities()[m][i])
                            .containsExactly(membersBefore.probabilities()[m][i], within(1e-6));
                }
            }
        }
        Files.writeString(folder.resolve(EnsembleCard.FILE), "{\"members\":[\"../elsewhere\"]}");
        assertThatThrownBy(() -> SavedEnsembles.load(folder, 8)).isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("expected a folder name");
        Files.writeString(folder.resolve(EnsembleCard.FILE), "{\"members\":[\"member-1\",\"member-9\"]}");
        assertThatThrownBy(() -> SavedEnsembles.load(folder, 8)).isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("member-9");
    }
}
