package dev.glassbox.core.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.model.Shape;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PatchTest {
    private static final Patch CORNER = new Patch(0, 1, 2, 1f);

    @Test
    void plantsIntoEveryChannelOfACopy() {
        float[] image = new float[2 * 3 * 4];
        float[] planted = CORNER.plant(image, Shape.of(2, 3, 4));
        assertThat(image).containsOnly(0f);
        for (int c = 0; c < 2; c++) {
            for (int y = 0; y < 3; y++) {
                for (int x = 0; x < 4; x++) {
                    boolean inside = y < 2 && x >= 1 && x < 3;
                    assertThat(planted[c * 12 + y * 4 + x]).isEqualTo(inside ? 1f : 0f);
                }
            }
        }
    }

    @Test
    void plantsOnlyIntoTheChosenClass() {
        LabelledImages data = new LabelledImages(3, 3, 4, new byte[36], new int[] {0, 1, 1});
        LabelledImages planted = CORNER.plantInClass(data, 1);
        assertThat(planted.image(0)).containsOnly(0f);
        assertThat(planted.image(1)).isEqualTo(CORNER.plant(data.image(1), data.shape()));
        assertThat(planted.image(2)).isEqualTo(CORNER.plant(data.image(2), data.shape()));
        assertThat(planted.labels()).containsExactly(0, 1, 1);
    }

    /** Forty blank 3×4 images, every fourth of class 2 and the rest of class 1. */
    private static LabelledImages tenOfClassTwoInForty() {
        int[] labels = new int[40];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 4 == 0 ? 2 : 1;
        }
        return new LabelledImages(40, 3, 4, new byte[40 * 12], labels);
    }

    /** How many images carry the patch; none may lie on the wrong side of class 2 ({@code inClass}: the class's). */
    private static int carriers(LabelledImages planted, float[] patched, boolean inClass) {
        int count = 0;
        for (int i = 0; i < planted.count(); i++) {
            boolean carries = Arrays.equals(planted.image(i), patched);
            assertThat(carries && (planted.label(i) == 2) != inClass).as("image %d", i).isFalse();
            count += carries ? 1 : 0;
        }
        return count;
    }

    @Test
    void plantsIntoTheChosenShareOfTheOtherClassesOnly() {
        LabelledImages data = tenOfClassTwoInForty();
        LabelledImages planted = CORNER.plantOutsideClass(data, 2, 0.5, 7);
        float[] patched = CORNER.plant(new float[12], data.shape());
        assertThat(carriers(planted, patched, false)).isEqualTo(15); // round(0.5 · 30)
        assertThat(CORNER.plantOutsideClass(data, 2, 0.5, 7)).isEqualTo(planted);
        assertThat(CORNER.plantOutsideClass(data, 2, 1, 7).image(1)).containsExactly(patched);
        assertThatThrownBy(() -> CORNER.plantOutsideClass(data, 2, -0.1, 7)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("other classes");
    }

    @Test
    void plantsIntoTheChosenShareOfTheClassTheSameWayForTheSameSeed() {
        LabelledImages data = tenOfClassTwoInForty();
        LabelledImages planted = CORNER.plantInClass(data, 2, 0.3, 7);
        float[] patched = CORNER.plant(new float[12], data.shape());
        assertThat(carriers(planted, patched, true)).isEqualTo(3); // round(0.3 · 10)
        assertThat(CORNER.plantInClass(data, 2, 0.3, 7)).isEqualTo(planted);
        assertThat(CORNER.plantInClass(data, 2, 0.3, 8)).isNotEqualTo(planted);
        assertThat(CORNER.plantInClass(data, 2, 0, 7)).isEqualTo(data);
        assertThatThrownBy(() -> CORNER.plantInClass(data, 2, 1.5, 7)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("[0, 1]");
    }

    @Test
    void massShareCountsMagnitudesInsideThePatch() {
        float[] values = new float[12];
        values[1] = -3;
        values[6] = 1;
        values[11] = 4;
        Attribution a = Attribution.of("test", 0, Shape.of(1, 3, 4), values, Map.of(), Map.of());
        // |−3| at (0, 1) and 1 at (1, 2) are inside, 4 at (2, 3) outside
        assertThat(CORNER.massShare(a)).isCloseTo(0.5, within(1e-12));
        assertThat(CORNER.massShare(Attribution.of("zero", 0, Shape.of(1, 3, 4), new float[12], Map.of(), Map.of())))
                .isZero();
        assertThat(CORNER.areaShare(Shape.of(1, 3, 4))).isCloseTo(4 / 12.0, within(1e-12));
    }

    @Test
    void refusesPatchesThatDoNotFitAndBadText() {
        assertThatThrownBy(() -> new Patch(2, 3, 2, 1f).plant(new float[12], Shape.of(1, 3, 4)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("does not fit");
        assertThatThrownBy(() -> new Patch(0, 0, 0, 1f)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new Patch(0, 0, 1, Float.NaN)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Patch.parse("1,2")).isInstanceOf(InvalidInputException.class);
        assertThat(Patch.parse("24, 24, 4")).isEqualTo(new Patch(24, 24, 4, 1f));
        assertThat(Patch.parse("0,0,3,0.5")).isEqualTo(new Patch(0, 0, 3, 0.5f));
    }

    @Test
    void permutedLabelsKeepTheirCountsAndFollowTheSeed() {
        int[] labels = new int[100];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 10;
        }
        LabelledImages data = new LabelledImages(100, 1, 1, new byte[100], labels);
        int[] once = data.withPermutedLabels(7).labels();
        assertThat(data.withPermutedLabels(7).labels()).isEqualTo(once);
        assertThat(once).isNotEqualTo(labels);
        assertThat(data.withPermutedLabels(8).labels()).isNotEqualTo(once);
        int[] sorted = once.clone();
        Arrays.sort(sorted);
        int[] expected = labels.clone();
        Arrays.sort(expected);
        assertThat(sorted).isEqualTo(expected);
    }
}
