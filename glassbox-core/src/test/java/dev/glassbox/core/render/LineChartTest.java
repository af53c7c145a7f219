package dev.glassbox.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class LineChartTest {
    private static final List<String> STEPS = List.of("original", "fc", "bn5", "conv5", "bn4", "conv4", "bn3");

    @Test
    void drawsEachSeriesInItsColourOverNamedSteps() throws IOException {
        LineChart.Series high = LineChart.Series.overSteps("high", new double[] {1, 1, 1, 1, 1, 1, 1}, false);
        LineChart.Series low = LineChart.Series.overSteps("low", new double[] {-0.5, -0.5, -0.5, -0.5, -0.5, -0.5, -0.5},
                false);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(
                LineChart.png("Similarity", "", "Spearman", -1, 1, STEPS, List.of(high, low))));
        ChartCanvas axes = new ChartCanvas("", "", "", -1, 1, STEPS);
        assertThat(image.getWidth()).isEqualTo(ChartCanvas.WIDTH);
        assertThat(image.getRGB(axes.x(0.5), axes.y(1))).isEqualTo(LineChart.PALETTE[0].getRGB());
        assertThat(image.getRGB(axes.x(0.5), axes.y(-0.5))).isEqualTo(LineChart.PALETTE[1].getRGB());
        assertThat(axes.y(-1)).isEqualTo(ChartCanvas.HEIGHT - ChartCanvas.BOTTOM);
        assertThat(axes.y(1)).isEqualTo(ChartCanvas.TOP);
    }

    @Test
    void theLegendGoesWhereNoLineRuns() {
        ChartCanvas canvas = new ChartCanvas("", "", "", 0, 1, null);
        List<ChartCanvas.LegendEntry> legend = List.of(new ChartCanvas.LegendEntry("a", LineChart.PALETTE[0], true));
        // a line falling from the top left to the bottom right leaves the top right and bottom left free
        LineChart.Series falling = new LineChart.Series("falling", new double[] {0, 1}, new double[] {1, 0}, false);
        assertThat(LineChart.emptiestCorner(canvas, legend, List.of(falling), 0, 1))
                .isIn(ChartCanvas.Corner.TOP_RIGHT, ChartCanvas.Corner.BOTTOM_LEFT);
        LineChart.Series top = new LineChart.Series("top", new double[] {0, 1}, new double[] {0.97, 0.97}, false);
        assertThat(LineChart.emptiestCorner(canvas, legend, List.of(top), 0, 1))
                .isIn(ChartCanvas.Corner.BOTTOM_LEFT, ChartCanvas.Corner.BOTTOM_RIGHT);
    }

    @Test
    void refusesMismatchedSeriesAndAnEmptyRange() {
        assertThatThrownBy(() -> new LineChart.Series("x", new double[] {0, 1}, new double[] {1}, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LineChart.png("", "", "", 1, 1, null, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
