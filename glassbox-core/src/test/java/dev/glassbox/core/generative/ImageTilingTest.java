package dev.glassbox.core.generative;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Images tiled on a grid: each in its cell, grey gaps, empty cells left grey. */
class ImageTilingTest {

    @Test
    void aGridPlacesEachImageInItsCellWithGreyGaps() throws Exception {
        float[][] images = {{0, 0, 0, 0}, {1, 1, 1, 1}, {1, 0, 0, 1}};
        byte[] png = ImageTiling.toPng(images, dev.glassbox.core.model.Shape.of(1, 2, 2), 2);
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        int gap = ImageTiling.GAP;
        assertThat(image.getWidth()).isEqualTo(2 * 2 + 3 * gap);
        assertThat(image.getHeight()).isEqualTo(2 * 2 + 3 * gap);
        java.awt.image.Raster r = image.getRaster();
        assertThat(r.getSample(0, 0, 0)).isEqualTo(128);
        assertThat(r.getSample(gap, gap, 0)).isZero();
        assertThat(r.getSample(2 * gap + 2, gap + 1, 0)).isEqualTo(255);
        // third image, second row: 1 0 / 0 1
        assertThat(r.getSample(gap, 2 * gap + 2, 0)).isEqualTo(255);
        assertThat(r.getSample(gap + 1, 2 * gap + 2, 0)).isZero();
        // the empty fourth cell stays grey
        assertThat(r.getSample(2 * gap + 2, 2 * gap + 2, 0)).isEqualTo(128);
    }
}
