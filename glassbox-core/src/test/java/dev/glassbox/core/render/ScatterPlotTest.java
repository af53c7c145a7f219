package dev.glassbox.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.model.Shape;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class ScatterPlotTest {
    private static final double[][] POINTS = {{0, 0}, {10, 0}, {0, 10}, {10, 10}, {5, 5}};
    private static final int[] LABELS = {0, 1, 1, 0, 2};

    @Test
    void svgEscapesLabelsAndTitleAndIsWellFormed() throws Exception {
        String svg = ScatterPlot.of(POINTS).title("t-SNE of <data> & more")
                .labels(LABELS, List.of("T-shirt/top", "<b>\"bold\"</b>", "Tom's & Jerry's")).build().svg();

        assertThat(svg).contains("&lt;b&gt;&quot;bold&quot;&lt;/b&gt; (2)").contains("Tom&#39;s &amp; Jerry&#39;s (1)")
                .contains("t-SNE of &lt;data&gt; &amp; more").doesNotContain("<b>").doesNotContain("<data>");
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        // Five points and three legend swatches.
        assertThat(document.getElementsByTagName("circle").getLength()).isEqualTo(8);
        assertThat(document.getElementsByTagName("text").getLength()).isEqualTo(4);
    }

    @Test
    void legendListsOnlyClassesThatHavePoints() {
        String svg = ScatterPlot.of(POINTS).labels(new int[] {0, 2, 2, 0, 2}, List.of("zero", "one", "two")).build()
                .svg();

        assertThat(svg).contains("zero (2)").contains("two (3)").doesNotContain(">one (");
    }

    @Test
    void pngShowsEachClassInItsColour() throws IOException {
        byte[] png = ScatterPlot.of(POINTS).labels(LABELS, List.of("a", "b", "c")).size(400, 300).build().png();

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(400);
        assertThat(image.getHeight()).isEqualTo(300);
        for (int label = 0; label < 3; label++) {
            int rgb = ScatterPlot.colour(label).getRGB() & 0xffffff;
            assertThat(count(image, rgb)).as("pixels of class %d", label).isGreaterThan(10);
        }
    }

    @Test
    void thumbnailsAreDrawnWithoutOverlap() {
        // Five points far apart and a sixth right next to the first: at most five thumbnails fit.
        double[][] points = {{0, 0}, {10, 0}, {0, 10}, {10, 10}, {5, 5}, {0.2, 0.2}};
        float[][] images = new float[points.length][16];
        for (int i = 0; i < images.length; i++) {
            java.util.Arrays.fill(images[i], i / 6f);
        }

        String svg = ScatterPlot.of(points).size(300, 200).thumbnails(images, Shape.of(1, 4, 4), 10, 1).build().svg();
        String fewer = ScatterPlot.of(points).size(300, 200).thumbnails(images, Shape.of(1, 4, 4), 3, 1).build().svg();
        byte[] png = ScatterPlot.of(points).size(300, 200).thumbnails(images, Shape.of(1, 4, 4), 10, 1).build().png();

        assertThat(svg.split("<image ", -1).length - 1).isEqualTo(5);
        assertThat(fewer.split("<image ", -1).length - 1).isEqualTo(3);
        assertThat(svg).contains("href=\"data:image/png;base64,");
        assertThat(png).isNotEmpty();
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> ScatterPlot.of(new double[0][])).isInstanceOf(InvalidInputException.class)
                .hasMessage("a scatter plot needs at least one point");
        assertThatThrownBy(() -> ScatterPlot.of(new double[][] {{0, Double.NaN}}))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("point 0 of the scatter plot is not two finite numbers");
        assertThatThrownBy(() -> ScatterPlot.of(POINTS).labels(new int[] {0, 1, 2, 3, 4}, List.of("a", "b")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("point 2 has label 2 but there are 2 class names");
    }

    private static int count(BufferedImage image, int rgb) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    count++;
                }
            }
        }
        return count;
    }
}
