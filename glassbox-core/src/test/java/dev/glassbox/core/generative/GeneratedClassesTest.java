package dev.glassbox.core.generative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.glassbox.core.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Class distributions of generated images: counts, missing classes, entropy. */
class GeneratedClassesTest {
    private static final List<String> ABC = List.of("a", "b", "c");

    @Test
    void countsArgMaxClassesAndNamesTheMissingOnes() {
        float[][] scores = {{3, 1, 0}, {0, 2, 1}, {5, 0, 0}, {1, 0, 0}};
        GeneratedClasses classes = GeneratedClasses.of(scores, ABC);
        assertThat(classes.counts()).containsExactly(3, 1, 0);
        assertThat(classes.missing()).containsExactly("c");
        assertThat(classes.smallestShare()).isZero();
        // −(¾ ln ¾ + ¼ ln ¼) / ln 3
        assertThat(classes.normalisedEntropy())
                .isCloseTo(-(0.75 * Math.log(0.75) + 0.25 * Math.log(0.25)) / Math.log(3), within(1e-12));
        assertThat(classes.byName()).containsExactly(java.util.Map.entry("a", 3), java.util.Map.entry("b", 1),
                java.util.Map.entry("c", 0));
    }

    @Test
    void aUniformDistributionHasEntropyOne() {
        GeneratedClasses classes = new GeneratedClasses(ABC, new int[] {2, 2, 2});
        assertThat(classes.normalisedEntropy()).isCloseTo(1, within(1e-12));
        assertThat(classes.missing()).isEmpty();
    }

    @Test
    void refusesScoresOfTheWrongWidth() {
        assertThatThrownBy(() -> GeneratedClasses.of(new float[][] {{1, 2}}, ABC))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("one value per class (3)");
    }
}
