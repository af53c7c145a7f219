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
        double[] minusHalf = new double[7];
        java.util.Arrays.fill(minusHalf, -0.5);
        LineChart.Series low = LineChart.Series.overSteps("low", minusHalf, false);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(
                LineChart.png("Similarity", "", "Spearman", -1, 1, STEPS, List.of(high, low))));
        ChartCanvas axes = new ChartCanvas("", "", "", -1, 1, STEPS, 0);
        // the legend sits beside the plot, which keeps its size and place
        assertThat(image.getWidth()).isEqualTo(ChartCanvas.WIDTH + ChartCanvas.legendWidth(List.of(
                new ChartCanvas.LegendEntry("high", LineChart.PALETTE[0], true),
                new ChartCanvas.LegendEntry("low", LineChart.PALETTE[1], true))));
        assertThat(image.getRGB(axes.x(0.5), axes.y(1))).isEqualTo(LineChart.PALETTE[0].getRGB());
        assertThat(image.getRGB(axes.x(0.5), axes.y(-0.5))).isEqualTo(LineChart.PALETTE[1].getRGB());
        assertThat(axes.y(-1)).isEqualTo(ChartCanvas.HEIGHT - ChartCanvas.BOTTOM);
        assertThat(axes.y(1)).isEqualTo(ChartCanvas.TOP);
    }

    @Test
    void tickLabelsCarryTheDecimalsTheirStepNeeds() {
        assertThat(ChartCanvas.decimals(0.2)).isEqualTo(1);
        assertThat(ChartCanvas.decimals(0.25)).isEqualTo(2);
        assertThat(ChartCanvas.decimals(2)).isZero();
        assertThat(ChartCanvas.decimals(1 / 3.0)).isEqualTo(3);
    }

    @Test
    void refusesMismatchedSeriesAndAnEmptyRange() {
        assertThatThrownBy(() -> new LineChart.Series("x", new double[] {0, 1}, new double[] {1}, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LineChart.png("", "", "", 1, 1, null, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
