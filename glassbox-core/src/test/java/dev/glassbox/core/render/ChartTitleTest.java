package dev.glassbox.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glassbox.core.uncertainty.Binning;
import dev.glassbox.core.uncertainty.ReliabilityBins;
import dev.glassbox.core.uncertainty.ReliabilityBins.Bin;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartTitleTest {
    private static final Graphics2D G = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();

    @Test
    void longTitlesStayInsideThePicture() {
        for (String title : new String[] {"Reliability: model — ECE 3.10%",
                "Reliability: after temperature scaling (T = 1.136) — ECE 3.12%",
                "Reliability: mean of MC dropout with 30 samples after temperature scaling (T = 1.136) — ECE 3.12%",
                "x".repeat(300)}) {
            List<ChartCanvas.TitleLine> lines = ChartCanvas.titleLines(title, ChartCanvas.WIDTH, G);
            assertThat(lines).isNotEmpty().hasSizeLessThanOrEqualTo(2);
            for (ChartCanvas.TitleLine line : lines) {
                assertThat(line.x()).as(title).isGreaterThanOrEqualTo(0);
                assertThat(line.x() + line.width()).as(title).isLessThanOrEqualTo(ChartCanvas.WIDTH);
                assertThat(line.baseline()).isLessThan(ChartCanvas.TOP);
            }
            String shown = String.join(" ", lines.stream().map(ChartCanvas.TitleLine::text).toList());
            if (title.length() < 80) {
                assertThat(shown.replace(" — ", " ")).as("the whole title is shown").isEqualTo(title.replace(" — ", " "));
            }
        }
        assertThat(ChartCanvas.titleLines("Reliability: model — ECE 3.10%", ChartCanvas.WIDTH, G)).hasSize(1);
    }

    @Test
    void theEceOfALongReliabilityTitleIsNotCut() throws Exception {
        ReliabilityBins bins = new ReliabilityBins(Binning.EQUAL_WIDTH, 4,
                List.of(new Bin(0.5, 0.75, 5, 0.6, 1.0), new Bin(0.75, 1.0, 15, 0.9, 0.5)), 20);
        BufferedImage picture = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(
                ReliabilityDiagram.png(bins, "Reliability: after temperature scaling (T = 1.136)")));
        for (int y = 0; y < ChartCanvas.TOP - 4; y++) {
            for (int x = picture.getWidth() - ChartCanvas.TITLE_MARGIN + 1; x < picture.getWidth(); x++) {
                assertThat(picture.getRGB(x, y) & 0xffffff).as("pixel %d,%d", x, y).isEqualTo(0xffffff);
            }
        }
    }
}
