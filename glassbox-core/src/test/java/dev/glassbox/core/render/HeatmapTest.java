package dev.glassbox.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glassbox.core.model.Shape;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class HeatmapTest {

    @Test
    void thresholdIsWhereTheSortedMagnitudesReachTheShareOfTheTotal() {
        // |values| sorted: 1, 1, 2, 96; total 100; 98% is reached only with the 96
        assertThat(Heatmap.cumulativeThreshold(new float[] {1, -96, 2, 1}, Heatmap.Sign.SIGNED, 2)).isEqualTo(96);
        // 50%: 1 + 1 + 2 = 4 < 50, so again 96; with 0% outliers it is the maximum
        assertThat(Heatmap.cumulativeThreshold(new float[] {10, 10, 10, 10}, Heatmap.Sign.ABSOLUTE, 50)).isEqualTo(10);
        assertThat(Heatmap.cumulativeThreshold(new float[4], Heatmap.Sign.SIGNED, 2)).isEqualTo(1);
    }

    @Test
    void positiveIsRedNegativeIsBlueAndZeroIsWhite() throws IOException {
        float[] values = {1, -1, 0, 0};
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(
                Heatmap.png(values, Shape.of(1, 2, 2), null, new Heatmap.Style(Heatmap.Sign.SIGNED, 0, 224, 1))));
        assertThat(image.getWidth()).isEqualTo(224);
        int positive = image.getRGB(0, 0);
        int negative = image.getRGB(image.getWidth() - 1, 0);
        int zero = image.getRGB(0, image.getHeight() - 1);
        assertThat((positive >> 16) & 0xFF).isGreaterThan(positive & 0xFF);
        assertThat(negative & 0xFF).isGreaterThan((negative >> 16) & 0xFF);
        assertThat(zero & 0xFFFFFF).isEqualTo(0xF7F7F7);
    }

    @Test
    void valuesOrAnImageThatDoNotFitTheMapAreRefusedNotCropped() {
        Heatmap.Style style = Heatmap.Style.of(new float[] {1});
        assertThatThrownBy(() -> Heatmap.png(new float[5], Shape.of(1, 2, 2), null, style))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5 values");
        assertThatThrownBy(() -> Heatmap.png(new float[4], Shape.of(1, 2, 2), new float[6], style))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2×2");
        assertThatThrownBy(() -> style.withOpacity(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void opacityBlendsTheColourWithTheImageInProportion() throws IOException {
        float[] values = {1, 0, 0, 0};
        float[] white = {1, 1, 1, 1};
        Heatmap.Style style = Heatmap.Style.of(values).withOutlierPercent(0).withMinSide(2);
        int full = ImageIO.read(new ByteArrayInputStream(Heatmap.png(values, Shape.of(1, 2, 2), white, style)))
                .getRGB(0, 0);
        int half = ImageIO.read(new ByteArrayInputStream(
                Heatmap.png(values, Shape.of(1, 2, 2), white, style.withOpacity(0.5)))).getRGB(0, 0);
        // the darkest sequential colour (128, 0, 38) at full opacity; halfway to the image's 0.85 grey (217) at 0.5
        assertThat(full & 0xFFFFFF).isEqualTo(128 << 16 | 38);
        assertThat((half >> 8) & 0xFF).isEqualTo((int) Math.round(0.5 * 217));
        assertThat((half >> 16) & 0xFF).isEqualTo((int) Math.round(0.5 * 217 + 0.5 * 128));
    }

    @Test
    void escapingCoversMarkupAndQuotes() {
        assertThat(Html.escape("<script>alert('x') & \"y\"</script>"))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
        assertThat(new HtmlReport("<b>", "a & b").paragraph("<img src=x>").render())
                .doesNotContain("<b>").doesNotContain("<img src=x>").contains("&lt;img src=x&gt;");
    }
}
