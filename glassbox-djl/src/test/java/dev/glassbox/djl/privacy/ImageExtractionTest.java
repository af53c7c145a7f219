package dev.glassbox.djl.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.Progress;
import dev.glassbox.core.model.Shape;
import dev.glassbox.core.privacy.ModelExtraction;
import dev.glassbox.djl.explain.TestNets;
import dev.glassbox.djl.model.BlockModel;
import dev.glassbox.djl.model.NamedBlocks;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Extraction from explanations where the answer is known: a linear target's saliency explanation of class c is its
 * weight row w_c, so a handful of queries with explanations pin a linear copy down, where scores alone cannot.
 */
class ImageExtractionTest {
    private static final int FEATURES = 36;

    private static float[][] gaussian(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] out = new float[count][FEATURES];
        for (float[] row : out) {
            for (int j = 0; j < FEATURES; j++) {
                row[j] = (float) random.nextGaussian();
            }
        }
        return out;
    }

    private static NamedBlocks linear() {
        return new NamedBlocks().add("fc", Linear.builder().setUnits(3).build());
    }

    @Test
    void explanationsPinALinearCopyDownFromFewQueries() {
        try (BlockModel target = TestNets.build(linear(), Shape.of(FEATURES), 4)) {
            float[][] pool = gaussian(12, 1);
            float[][] heldOut = gaussian(2000, 2);
            ImageExtraction.Settings settings = new ImageExtraction.Settings(ImageExtractionTest::linear, 800, 64,
                    0.05f, 1, 7);
            ModelExtraction.Result scores = ImageExtraction.attack(target, pool, 12, false, 0, heldOut, settings,
                    Progress.NONE);
            ModelExtraction.Result explained = ImageExtraction.attack(target, pool, 12, true, 0, heldOut, settings,
                    Progress.NONE);
            ModelExtraction.Result noisy = ImageExtraction.attack(target, pool, 12, true, 2, heldOut, settings,
                    Progress.NONE);
            assertThat(explained.agreement()).isGreaterThan(0.97).isGreaterThan(scores.agreement() + 0.05);
            assertThat(explained.explanationCosine()).isEqualTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(noisy.explanationCosine()).isLessThan(0.6);
            assertThat(noisy.agreement()).isLessThan(explained.agreement());
            assertThat(scores.explanationCosine()).isNaN();
        }
    }

    /** Through a ReLU layer the copy's input gradients need double backward; the fit still repeats for one seed. */
    @Test
    void reluCopyRepeatsForOneSeed() {
        try (BlockModel target = TestNets.build(new NamedBlocks().add("fc1", Linear.builder().setUnits(8).build())
                .add("relu", Activation.reluBlock()).add("fc2", Linear.builder().setUnits(3).build()),
                Shape.of(FEATURES), 5)) {
            float[][] pool = gaussian(40, 3);
            float[][] heldOut = gaussian(500, 4);
            ImageExtraction.Settings settings = new ImageExtraction.Settings(() -> new NamedBlocks()
                    .add("fc1", Linear.builder().setUnits(8).build()).add("relu", Activation.reluBlock())
                    .add("fc2", Linear.builder().setUnits(3).build()), 200, 16, 0.01f, 1, 11);
            double first = ImageExtraction.attack(target, pool, 40, true, 0, heldOut, settings, Progress.NONE)
                    .agreement();
            double second = ImageExtraction.attack(target, pool, 40, true, 0, heldOut, settings, Progress.NONE)
                    .agreement();
            assertThat(second).isEqualTo(first);
            assertThat(first).isGreaterThan(0.5);
            assertThatThrownBy(() -> ImageExtraction.attack(target, pool, 41, true, 0, heldOut, settings,
                    Progress.NONE)).isInstanceOf(InvalidInputException.class);
        }
    }
}
