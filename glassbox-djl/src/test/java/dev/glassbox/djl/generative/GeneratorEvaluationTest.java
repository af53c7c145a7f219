package dev.glassbox.djl.generative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.generative.FrechetDistance;
import dev.glassbox.core.generative.GeneratedClasses;
import dev.glassbox.core.input.LabelledImages;
import dev.glassbox.core.model.FunctionModel;
import dev.glassbox.core.model.Shape;
import dev.glassbox.djl.model.BlockModel;
import dev.glassbox.djl.explain.TestNets;
import dev.glassbox.djl.zoo.FashionCnn;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The evaluation's wiring: a "generator" that returns the second half of the real images scores exactly the
 * real-versus-real floor, and its classes are the classifier's arg-max classes of those images.
 */
class GeneratorEvaluationTest {
    private static final int SAMPLES = 30;

    @Test
    void aGeneratorThatReturnsRealImagesScoresTheFloorAndTheirClasses() {
        LabelledImages real = images(2 * SAMPLES, 4);
        FunctionModel copier = FunctionModel.ofScores(Shape.of(8), 784, codes -> {
            float[][] out = new float[codes.length][];
            for (int i = 0; i < codes.length; i++) {
                out[i] = real.image(SAMPLES + i);
            }
            return out;
        });
        try (BlockModel classifier = TestNets.build(FashionCnn.build(), Shape.of(1, 28, 28), 5)) {
            GeneratorEvaluation evaluation = GeneratorEvaluation.of(copier, classifier, "gap", real, SAMPLES, 1);
            assertThat(evaluation.frechetDistance()).isEqualTo(evaluation.realFloor()).isPositive();
            float[][] second = new float[SAMPLES][];
            float[][] first = new float[SAMPLES][];
            for (int i = 0; i < SAMPLES; i++) {
                first[i] = real.image(i);
                second[i] = real.image(SAMPLES + i);
            }
            assertThat(evaluation.realFloor()).isEqualTo(FrechetDistance.between(
                    classifier.activations(second, "gap"), classifier.activations(first, "gap")));
            GeneratedClasses expected = GeneratedClasses.of(classifier.predict(second), classifier.outputNames());
            assertThat(evaluation.classes().counts()).containsExactly(expected.counts());
            assertThat(evaluation.toMap()).containsKeys("frechetDistance", "realFloor", "classCounts",
                    "missingClasses");
            assertThatThrownBy(() -> GeneratorEvaluation.of(copier, classifier, "gap", real, SAMPLES + 1, 1))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("twice as many real images");
        }
    }

    private static LabelledImages images(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] pixels = new byte[count * 784];
        random.nextBytes(pixels);
        int[] labels = random.ints(count, 0, 10).toArray();
        return new LabelledImages(count, 28, 28, pixels, labels);
    }
}
