package dev.glassbox.djl.sanity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.explain.RandomAttribution;
import dev.glassbox.core.input.Patch;
import dev.glassbox.core.model.Target;
import dev.glassbox.djl.model.BlockModel;
import dev.glassbox.djl.explain.IntegratedGradients;
import dev.glassbox.djl.explain.Saliency;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlantedPatchTest {
    private static final Patch PATCH = new Patch(1, 5, 2, 1f);

    @Test
    void gradientMethodsPutTheMassOfAModelThatReadsOnlyThePatchOnThePatch() {
        try (BlockModel model = SanityNets.readsOnlyThePatch()) {
            float[][] x = SanityNets.images(3, 6);
            for (int i = 0; i < x.length; i++) {
                x[i] = PATCH.plant(x[i], SanityNets.IMAGE);
            }
            for (var explainer : List.of(Saliency.gradients(model, false), Saliency.timesInput(model),
                    IntegratedGradients.of(model).steps(8).build())) {
                for (Attribution a : explainer.explain(x, Target.index(2))) {
                    assertThat(PATCH.massShare(a)).as(a.method()).isCloseTo(1, within(1e-6));
                }
            }
            Attribution chance = new RandomAttribution(model, 1).explain(x[0], Target.index(2));
            assertThat(PATCH.massShare(chance)).isLessThan(0.2);
        }
    }

    @Test
    void aModelThatReadsEverythingSpreadsItsMass() {
        try (BlockModel model = SanityNets.linear()) {
            float[] x = PATCH.plant(SanityNets.images(1, 7)[0], SanityNets.IMAGE);
            double share = PATCH.massShare(Saliency.gradients(model, false).explain(x, Target.index(0)));
            assertThat(share).isLessThan(0.25);
            assertThat(PATCH.areaShare(SanityNets.IMAGE)).isCloseTo(4 / 64.0, within(1e-12));
        }
    }
}
