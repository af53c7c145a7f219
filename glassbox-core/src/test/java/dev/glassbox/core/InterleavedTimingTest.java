package dev.glassbox.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InterleavedTimingTest {
    @Test
    void theMedianOfAnOddCountIsTheMiddleOneAndOfAnEvenCountTheMeanOfTheMiddleTwo() {
        assertThat(InterleavedTiming.median(new double[] {5, 1, 3})).isEqualTo(3);
        assertThat(InterleavedTiming.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
    }

    @Test
    void methodAndBaselineRunInTurnsAfterOneWarmRunEach() {
        List<String> order = new ArrayList<>();
        double[] ms = InterleavedTiming.medians(() -> order.add("m"), () -> order.add("b"), 3, true);
        assertThat(order).containsExactly("m", "b", "m", "b", "m", "b", "m", "b");
        assertThat(ms).hasSize(2);
        assertThatThrownBy(() -> InterleavedTiming.medians(() -> { }, () -> { }, 0, false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
