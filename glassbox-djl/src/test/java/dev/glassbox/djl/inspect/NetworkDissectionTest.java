package dev.glassbox.djl.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import dev.glassbox.core.Progress;
import dev.glassbox.core.inspect.ConceptImages;
import dev.glassbox.core.inspect.Dissection;
import dev.glassbox.core.model.Shape;
import dev.glassbox.djl.model.BlockModel;
import dev.glassbox.djl.model.NamedBlocks;
import dev.glassbox.djl.explain.TestNets;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkDissectionTest {
    private static final Shape IMAGE = Shape.of(1, 28, 28);

    /**
     * conv (1 → 4, 5×5, same padding), relu, global average pooling, fc, with unit 0 set by hand to detect horizontal
     * stripes of period 4 (row weights ½, 1, −1, −1, ½: zero-sum, largest on two bright rows over two dark ones).
     */
    static BlockModel plantedStripeDetector() {
        BlockModel model = TestNets.build(new NamedBlocks()
                .add("conv", Conv2d.builder().setKernelShape(new ai.djl.ndarray.types.Shape(5, 5))
                        .optPadding(new ai.djl.ndarray.types.Shape(2, 2)).setFilters(4).build())
                .add("relu", Activation.reluBlock())
                .add("gap", Pool.globalAvgPool2dBlock())
                .add("fc", Linear.builder().setUnits(2).build()), IMAGE, 17);
        var weight = model.layers().layer("conv").getParameters().get("weight").getArray();
        float[] w = weight.toFloatArray();
        float[] rows = {0.5f, 1, -1, -1, 0.5f};
        for (int p = 0; p < 25; p++) {
            w[p] = rows[p / 5];
        }
        weight.set(w);
        var bias = model.layers().layer("conv").getParameters().get("bias").getArray();
        float[] b = bias.toFloatArray();
        b[0] = 0;
        bias.set(b);
        return model;
    }

    @Test
    void findsAPlantedStripeDetectorAtRankOne() {
        ConceptImages data = ConceptImages.generate(IMAGE, 300, null, 11);
        try (BlockModel model = plantedStripeDetector()) {
            Dissection.Result r = NetworkDissection.dissect(model, List.of("relu"), data, Progress.NONE).get(0);
            Dissection.UnitLabel top = r.ranked().get(0);
            assertThat(top.unit()).isZero();
            assertThat(top.concept()).isEqualTo("texture-stripes-0");
            assertThat(top.iou()).isGreaterThan(Dissection.LABEL_IOU);
            assertThat(top.detector()).isTrue();
        }
    }

    /**
     * Random-weight units are not silent on this data set: random filters respond to its full-contrast textures, and
     * at relu5 of a randomly initialised demo CNN a few units pass IoU 0.04 on stripes (measured: at most 0.075).
     * What holds is that none comes near a planted detector, and none detects anything but a texture.
     */
    @Test
    void randomWeightUnitsStayFarBelowAPlantedDetectorAndSeeOnlyTextures() {
        ConceptImages data = ConceptImages.generate(IMAGE, 300, null, 11);
        try (BlockModel model = TestNets.build(dev.glassbox.djl.zoo.FashionCnn.build(), IMAGE, 23)) {
            Dissection.Result r = NetworkDissection.dissect(model, List.of("relu5"), data, Progress.NONE).get(0);
            for (Dissection.UnitLabel unit : r.units()) {
                assertThat(unit.iou()).as("unit %d", unit.unit()).isLessThan(0.1);
                if (unit.detector()) {
                    assertThat(unit.concept()).startsWith("texture-");
                }
            }
        }
    }
}
