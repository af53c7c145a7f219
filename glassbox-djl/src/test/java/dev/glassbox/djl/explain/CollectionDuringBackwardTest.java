package dev.glassbox.djl.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.explain.Explainer;
import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.ModelOptions;
import dev.glassbox.core.model.Shape;
import dev.glassbox.core.model.Target;
import dev.glassbox.djl.DifferentiableModel;
import dev.glassbox.djl.TestFixtures;
import dev.glassbox.djl.model.Models;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Gradients stay right when the Java side collects garbage while they are computed: with a thread collecting
 * continuously, saliency maps of the imported MobileNet-style network (HardSigmoid and HardSwish, whose factors DJL
 * would leave in collectable memory) equal the maps made without it. Before those factors became engine arrays,
 * 240 of 320 such maps were wrong or NaN.
 */
class CollectionDuringBackwardTest {

    @Test
    void saliencyUnderContinuousCollectionEqualsSaliencyWithout() throws InterruptedException {
        try (Model loaded = Models.load(TestFixtures.path("onnx/mobilenet.onnx"),
                ModelOptions.withShape(Shape.of(3, 16, 16)))) {
            DifferentiableModel model = (DifferentiableModel) loaded;
            float[][] inputs = TestFixtures.rows(TestFixtures.uniform(4 * 3 * 16 * 16, 1), 3 * 16 * 16);
            Explainer saliency = Saliency.gradients(model, false);
            List<Attribution> quiet = saliency.explain(inputs, Target.PREDICTED);
            AtomicBoolean stop = new AtomicBoolean();
            Thread collector = new Thread(() -> {
                while (!stop.get()) {
                    System.gc();
                    byte[][] small = new byte[64][];
                    for (int i = 0; i < small.length; i++) {
                        small[i] = new byte[64];
                    }
                }
            });
            collector.start();
            try {
                for (int trial = 0; trial < 8; trial++) {
                    List<Attribution> stormy = saliency.explain(inputs, Target.PREDICTED);
                    for (int i = 0; i < inputs.length; i++) {
                        assertThat(stormy.get(i).values()).as("trial " + trial + ", input " + i)
                                .containsExactly(quiet.get(i).values(), within(1e-6f));
                    }
                }
            } finally {
                stop.set(true);
                collector.join();
            }
        }
    }
}
