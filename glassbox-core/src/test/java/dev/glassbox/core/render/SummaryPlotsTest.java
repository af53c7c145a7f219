package dev.glassbox.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.glassbox.core.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SummaryPlotsTest {
    private static final Pattern CIRCLE = Pattern.compile("<circle cx=\"([-0-9.]+)\" cy=\"([-0-9.]+)\" r=\"[-0-9.]+\" fill=\"(#[0-9a-f]{6})\"");

    private record Dot(double x, double y, String fill) {
    }

    private static List<Dot> dots(String svg) {
        List<Dot> out = new ArrayList<>();
        Matcher m = CIRCLE.matcher(svg);
        while (m.find()) {
            out.add(new Dot(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), m.group(3)));
        }
        return out;
    }

    @Test
    void beeswarmDrawsOneDotPerRowAndShownFeatureColouredByTheFeaturesValue() {
        // feature 1 shown on top: attributions -1, 0, 2 with values 10 (low, blue), 20, 30 (high, red)
        float[][] attributions = {{0.1f, -1f}, {0.2f, 0f}, {0.3f, 2f}};
        float[][] values = {{1, 10}, {2, 20}, {3, 30}};
        String svg = new BeeswarmPlot(List.of("a", "b"), attributions, values, new int[] {1, 0}, "t").svg();
        List<Dot> dots = dots(svg);
        assertThat(dots).hasSize(6);
        List<Dot> top = dots.subList(0, 3); // feature b's row is drawn first, sorted by attribution
        assertThat(top.get(0).fill()).isEqualTo("#008bfb");
        assertThat(top.get(2).fill()).isEqualTo("#ff0051");
        assertThat(top.get(0).x()).isLessThan(top.get(1).x());
        assertThat(top.get(1).x()).isLessThan(top.get(2).x());
        // positions are linear in the attribution: -1, 0, 2 are 1 and 2 units apart
        assertThat((top.get(2).x() - top.get(1).x()) / (top.get(1).x() - top.get(0).x())).isCloseTo(2, within(0.05));
        assertThat(top.get(0).y()).isLessThan(dots.get(3).y());
        assertThat(svg).contains(">b</text>").contains(">a</text>");
        assertThat(new BeeswarmPlot(List.of("a", "b"), attributions, values, new int[] {1, 0}, "t").png())
                .startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void dependencePlotPutsValueOnXAndAttributionOnYLinearly() {
        String svg = new DependencePlot("x<1>", new float[] {0, 1, 2}, new float[] {0, 1, 4}).svg();
        List<Dot> dots = dots(svg);
        assertThat(dots).hasSize(3);
        assertThat(dots.get(1).x() - dots.get(0).x()).isCloseTo(dots.get(2).x() - dots.get(1).x(), within(0.2));
        // SVG y grows downwards: attribution 4 is three times as far above 1 as 1 is above 0
        assertThat((dots.get(1).y() - dots.get(2).y()) / (dots.get(0).y() - dots.get(1).y())).isCloseTo(3, within(0.05));
        assertThat(svg).contains("x&lt;1&gt;");
    }

    @Test
    void mismatchedInputsAreRefused() {
        assertThatThrownBy(() -> new DependencePlot("x", new float[] {1}, new float[] {1, 2}))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new BeeswarmPlot(List.of("a"), new float[][] {{1}}, new float[][] {{1}},
                new int[] {3}, "t")).isInstanceOf(InvalidInputException.class).hasMessageContaining("feature 3");
    }
}
