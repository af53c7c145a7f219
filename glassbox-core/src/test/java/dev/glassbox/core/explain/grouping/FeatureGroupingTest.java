package dev.glassbox.core.explain.grouping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.model.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureGroupingTest {

    @Test
    void labelsFormGroupsInLabelOrderAndMinusOneIsInNoGroup() {
        LabelGrouping g = FeatureGrouping.labels(Shape.of(2, 3), new int[] {7, 7, -1, 2, 2, 7});

        assertThat(g.groupCount()).isEqualTo(2);
        assertThat(g.members(0)).containsExactly(3, 4);
        assertThat(g.members(1)).containsExactly(0, 1, 5);
        assertThat(g.names()).containsExactly("group 2", "group 7");
        assertThat(g.expand(new float[] {-1, 5})).containsExactly(5, 5, 0, -1, -1, 5);
        assertThat(g.groupOfElements()).containsExactly(1, 1, -1, 0, 0, 1);
    }

    @Test
    void badLabelsAreRejected() {
        assertThatThrownBy(() -> FeatureGrouping.labels(Shape.of(3), new int[] {0, 1}))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("2 labels given");
        assertThatThrownBy(() -> FeatureGrouping.labels(Shape.of(2), new int[] {0, -2}))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("label -2");
        assertThatThrownBy(() -> FeatureGrouping.labels(Shape.of(2), new int[] {-1, -1}))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no group");
    }

    @Test
    void pixelsHoldEveryChannelOfAPosition() {
        LabelGrouping g = FeatureGrouping.pixels(Shape.of(3, 2, 2));

        assertThat(g.groupCount()).isEqualTo(4);
        assertThat(g.members(1)).containsExactly(1, 5, 9);
        assertThat(g.name(3)).isEqualTo("pixel (1, 1)");
    }

    @Test
    void columnsAreNamedElements() {
        FeatureGrouping g = FeatureGrouping.columns(List.of("age", "income"));

        assertThat(g.inputShape()).isEqualTo(Shape.of(2));
        assertThat(g.names()).containsExactly("age", "income");
        assertThat(g.expand(new float[] {1, 2})).containsExactly(1, 2);
        assertThat(FeatureGrouping.elements(Shape.of(2)).name(1)).isEqualTo("x[1]");
    }

    @Test
    void windowsArePlacedAsCaptumPlacesThem() {
        WindowGrouping g = FeatureGrouping.windows(Shape.of(1, 5, 4), new int[] {3, 2}, new int[] {2, 2});

        // Rows: ceil((5-3)/2)+1 = 2 starts (0, 2); columns: ceil((4-2)/2)+1 = 2 starts (0, 2).
        assertThat(g.groupCount()).isEqualTo(4);
        assertThat(g.window()).containsExactly(1, 3, 2);
        assertThat(g.start(3)).containsExactly(0, 2, 2);
        assertThat(g.members(0)).containsExactly(0, 1, 4, 5, 8, 9);
        assertThat(g.members(3)).containsExactly(10, 11, 14, 15, 18, 19);
    }

    @Test
    void expandAveragesOverlappingGroups() {
        WindowGrouping g = FeatureGrouping.windows(Shape.of(4), new int[] {2}, new int[] {1});

        // Windows [0,2), [1,3), [2,4).
        assertThat(g.expand(new float[] {3, 6, 9})).containsExactly(3, 4.5f, 7.5f, 9);
    }

    @Test
    void aFixedSegmenterChecksTheShape() {
        Segmenter s = Segmenter.fixed(FeatureGrouping.elements(Shape.of(3)));

        assertThat(s.segment(new float[3], Shape.of(3)).groupCount()).isEqualTo(3);
        assertThatThrownBy(() -> s.segment(new float[4], Shape.of(4))).isInstanceOf(InvalidInputException.class);
    }
}
