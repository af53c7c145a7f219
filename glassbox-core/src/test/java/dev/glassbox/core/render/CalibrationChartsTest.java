package dev.glassbox.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glassbox.core.uncertainty.Binning;
import dev.glassbox.core.uncertainty.ReliabilityBins;
import dev.glassbox.core.uncertainty.ReliabilityBins.Bin;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class CalibrationChartsTest {
    /** An under-confident bin (confidence 0.6, accuracy 1) and an over-confident one (0.9, 0.5). */
    private static final ReliabilityBins BINS = new ReliabilityBins(Binning.EQUAL_WIDTH, 4,
            List.of(new Bin(0.5, 0.75, 5, 0.6, 1.0), new Bin(0.75, 1.0, 15, 0.9, 0.5)), 20);
    private static final int WHITE = Color.WHITE.getRGB();
    private static final int BAR = ReliabilityDiagram.BAR.getRGB();

    @Test
    void reliabilityDiagramDrawsAccuracyBarsAndShadesTheGaps() throws IOException {
        BufferedImage image = decode(ReliabilityDiagram.png(BINS, "Reliability"));
        ChartCanvas axes = new ChartCanvas("", "", "", 1);

        assertThat(image.getWidth()).isEqualTo(ChartCanvas.WIDTH);
        assertThat(image.getHeight()).isEqualTo(ChartCanvas.HEIGHT);
        assertThat(image.getRGB(axes.x(0.625), axes.y(0.3))).isEqualTo(BAR);
        assertThat(image.getRGB(axes.x(0.875), axes.y(0.25))).isEqualTo(BAR);
        assertThat(image.getRGB(axes.x(0.875), axes.y(0.5) + 3)).isEqualTo(BAR);
        assertThat(image.getRGB(axes.x(0.875), axes.y(0.5) - 3)).isNotEqualTo(BAR);
        assertThat(image.getRGB(axes.x(0.875), axes.y(0.95))).isEqualTo(WHITE);
        assertThat(image.getRGB(axes.x(0.3), axes.y(0.1))).isEqualTo(WHITE);
        assertReddish(image.getRGB(axes.x(0.625), axes.y(0.8)));
        assertReddish(image.getRGB(axes.x(0.875), axes.y(0.7)));
    }

    @Test
    void reliabilityDiagramTitleCarriesTheEce() {
        // (5 · |1 − 0.6| + 15 · |0.5 − 0.9|) / 20 = 0.4
        assertThat(ReliabilityDiagram.title(BINS, "Reliability")).isEqualTo("Reliability — ECE 40.00%");
    }

    @Test
    void confidenceHistogramDrawsSharesAndMarksTheAccuracy() throws IOException {
        BufferedImage image = decode(ConfidenceHistogram.png(BINS, "Confidence"));
        ChartCanvas axes = new ChartCanvas("", "", "", 0.8);

        assertThat(image.getRGB(axes.x(0.55), axes.y(0.2))).isEqualTo(BAR);
        assertThat(image.getRGB(axes.x(0.55), axes.y(0.3))).isEqualTo(WHITE);
        assertThat(image.getRGB(axes.x(0.95), axes.y(0.7))).isEqualTo(BAR);
        assertThat(image.getRGB(axes.x(0.95), axes.y(0.78))).isEqualTo(WHITE);
        // the accuracy, (5 · 1 + 15 · 0.5) / 20 = 0.625, is a dark line that rises above the bars
        Color accuracyLine = new Color(image.getRGB(axes.x(0.625), axes.y(0.6)));
        assertThat(accuracyLine.getRed() + accuracyLine.getGreen() + accuracyLine.getBlue()).isLessThan(300);
    }

    private static void assertReddish(int rgb) {
        Color color = new Color(rgb);
        assertThat(color.getRed()).isGreaterThan(color.getBlue() + 40).isGreaterThan(color.getGreen() + 40);
    }

    private static BufferedImage decode(byte[] png) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(png));
    }
}
