package dev.glassbox.djl.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.Progress;
import dev.glassbox.core.input.LabelledImages;
import dev.glassbox.core.model.FunctionModel;
import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.Shape;
import dev.glassbox.core.uncertainty.OodMetrics;
import dev.glassbox.djl.model.BlockModel;
import dev.glassbox.djl.zoo.AutoencoderTraining;
import dev.glassbox.djl.zoo.FashionAutoencoder;
import dev.glassbox.djl.zoo.Training;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReconstructionErrorTest {
    private static final Shape IMAGE = Shape.of(1, 28, 28);

    /** Grey rectangles of random size, place and brightness on a black background. */
    private static LabelledImages rectangles(int count, long seed) {
        Random random = new Random(seed);
        byte[] pixels = new byte[count * 784];
        for (int i = 0; i < count; i++) {
            int top = random.nextInt(14);
            int left = random.nextInt(14);
            int height = 6 + random.nextInt(10);
            int width = 6 + random.nextInt(10);
            int grey = 120 + random.nextInt(136);
            for (int r = top; r < Math.min(28, top + height); r++) {
                for (int c = left; c < Math.min(28, left + width); c++) {
                    pixels[i * 784 + r * 28 + c] = (byte) grey;
                }
            }
        }
        return new LabelledImages(count, 28, 28, pixels, new int[count]);
    }

    private static float[][] rows(LabelledImages images) {
        float[][] out = new float[images.count()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = images.image(i);
        }
        return out;
    }

    @Test
    void autoencoderReconstructsItsDataBetterThanNoiseAndOtherSets() {
        Training.Settings settings = new Training.Settings(6, 32, 3e-3f, 4);
        try (BlockModel autoencoder = AutoencoderTraining.train(FashionAutoencoder.NAME, FashionAutoencoder.build(),
                rectangles(1024, 1), settings, Progress.NONE)) {
            assertThat(autoencoder.outputSize()).isEqualTo(784);
            float[][] unseen = rows(rectangles(100, 2));
            double[] inDistribution = ReconstructionError.scores(autoencoder, unseen);
            double[] noise = ReconstructionError.scores(autoencoder, OodSets.uniformNoise(100, IMAGE, 3));
            double[] inverted = ReconstructionError.scores(autoencoder, OodSets.inverted(unseen));
            assertThat(OodMetrics.auroc(inDistribution, noise)).isGreaterThan(0.99);
            assertThat(OodMetrics.auroc(inDistribution, inverted)).isGreaterThan(0.9);
        }
    }

    @Test
    void squaredErrorsAreAveragedPerInputAndNonAutoencodersRefused() {
        Model halves = FunctionModel.ofScores(Shape.of(2), 2, batch -> new float[][] {{0.5f, 0.5f}, {0, 0}});
        double[] scores = ReconstructionError.scores(halves, new float[][] {{1, 0}, {1, 1}});
        assertThat(scores).containsExactly(0.25, 1.0);
        Model classifier = FunctionModel.ofLogits(Shape.of(2), 3, batch -> new float[][] {{0, 0, 0}});
        assertThatThrownBy(() -> ReconstructionError.scores(classifier, new float[][] {{1, 0}}))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("must reconstruct its input");
    }

    @Test
    void synthesisedSetsAreFlippedInvertedAndSeededNoise() {
        float[][] image = {{0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f}};
        assertThat(OodSets.flipped(image, Shape.of(1, 3, 2))[0]).containsExactly(0.5f, 0.6f, 0.3f, 0.4f, 0.1f, 0.2f);
        assertThat(OodSets.inverted(image)[0][0]).isEqualTo(0.9f);
        assertThat(OodSets.uniformNoise(3, IMAGE, 5)).isDeepEqualTo(OodSets.uniformNoise(3, IMAGE, 5));
        assertThat(OodSets.uniformNoise(3, IMAGE, 5)).isNotEqualTo(OodSets.uniformNoise(3, IMAGE, 6));
        assertThatThrownBy(() -> OodSets.flipped(image, Shape.of(6))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("C×H×W");
    }
}
