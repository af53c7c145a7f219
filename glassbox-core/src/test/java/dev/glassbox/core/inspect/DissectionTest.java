package dev.glassbox.core.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.glassbox.core.model.Shape;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class DissectionTest {

    @Test
    void iouIsCountedOverTheWholeDataSetAtEachUnitsQuantile() {
        // two 2×2 images, one concept: pixel 0 of image 0 and pixels 0, 1 of image 1
        BitSet first = new BitSet();
        first.set(0);
        BitSet second = new BitSet();
        second.set(0, 2);
        ConceptImages data = new ConceptImages(Shape.of(1, 2, 2), new float[2][4], List.of("spot", "rest"),
                new BitSet[][] {{first, second}, {complement(first), complement(second)}});
        // unit 0 fires on pixel 0 of both images (threshold between 0 and 1 at the top 25%); unit 1 on nothing useful
        float[][] activations = {{1, 0, 0, 0, 0, 0, 0, 0.5f}, {1, 0, 0, 0, 0, 0.2f, 0, 0}};
        Dissection.Result r = Dissection.dissect("layer", Shape.of(2, 2, 2), activations, data, 0.25, 0.04);
        // unit 0: mask = {img0 p0, img1 p0}; spot = 3 pixels → IoU 2/3
        assertThat(r.iou()[0][0]).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(r.iou()[0][1]).isZero();
        // unit 1: values {0, 0, 0, 0.5, 0, 0.2, 0, 0}: numpy.quantile(…, 0.75) = 0.05, so its mask is {img0 p3,
        // img1 p1}: IoU 1/4 with the spot (3 pixels), 1/6 with the rest (5 pixels)
        assertThat(r.thresholds()[1]).isCloseTo(0.05, within(1e-7));
        assertThat(r.thresholds()[0]).isCloseTo(0.25, within(1e-7));
        assertThat(r.iou()[1][0]).isCloseTo(0.25, within(1e-12));
        assertThat(r.iou()[1][1]).isCloseTo(1 / 6.0, within(1e-12));
        assertThat(r.units().get(0).concept()).isEqualTo("spot");
        assertThat(r.units().get(0).detector()).isTrue();
        assertThat(r.uniqueDetectors()).isEqualTo(1);
        assertThat(r.ranked().get(0).unit()).isZero();
    }

    @Test
    void thresholdsFollowNumpysLinearQuantile() {
        // numpy.quantile([0, 1, 2, ..., 9], 0.9) = 8.1
        float[][] values = {{0, 1, 2, 3, 4}, {5, 6, 7, 8, 9}};
        assertThat(Dissection.thresholds(values, 1, 5, 0.1)[0]).isCloseTo(8.1, within(1e-6));
    }

    @Test
    void conceptImagesAreSeededAndTheirMasksPartitionEachImage() {
        ConceptImages a = ConceptImages.generate(Shape.of(1, 28, 28), 20, null, 3);
        ConceptImages b = ConceptImages.generate(Shape.of(1, 28, 28), 20, null, 3);
        assertThat(a.images()).isDeepEqualTo(b.images());
        assertThat(a.concepts()).contains("texture-stripes-45", "intensity-bright", "background");
        for (int i = 0; i < 20; i++) {
            BitSet all = new BitSet();
            int total = 0;
            for (int c = 0; c < a.concepts().size(); c++) {
                all.or(a.masks()[c][i]);
                total += a.masks()[c][i].cardinality();
            }
            assertThat(all.cardinality()).isEqualTo(784);
            assertThat(total).isEqualTo(784);
        }
        double sum = 0;
        for (double share : a.areaShares()) {
            sum += share;
        }
        assertThat(sum).isCloseTo(1, within(1e-12));
    }

    @Test
    void garmentsSplitIntoUpperAndLowerParts() {
        byte[] pixels = new byte[2 * 28 * 28];
        for (int i = 0; i < 2; i++) {
            for (int y = 4; y < 24; y++) {
                for (int x = 8; x < 20; x++) {
                    pixels[i * 784 + y * 28 + x] = (byte) 200;
                }
            }
        }
        ConceptImages data = ConceptImages.generate(Shape.of(1, 28, 28), 5,
                new dev.glassbox.core.input.LabelledImages(2, 28, 28, pixels, new int[] {3, 3}), 4);
        int dress = data.concepts().indexOf("object-dress");
        int upper = data.concepts().indexOf("part-upper");
        int lower = data.concepts().indexOf("part-lower");
        for (int i = 0; i < 5; i++) {
            BitSet parts = (BitSet) data.masks()[upper][i].clone();
            assertThat(parts.intersects(data.masks()[lower][i])).isFalse();
            parts.or(data.masks()[lower][i]);
            assertThat(parts).isEqualTo(data.masks()[dress][i]);
            assertThat(data.masks()[upper][i].cardinality()).isPositive();
            assertThat(data.masks()[lower][i].cardinality()).isPositive();
        }
    }

    private static BitSet complement(BitSet set) {
        BitSet out = new BitSet();
        out.set(0, 4);
        out.andNot(set);
        return out;
    }
}
