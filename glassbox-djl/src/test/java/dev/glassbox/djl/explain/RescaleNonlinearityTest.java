package dev.glassbox.djl.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.explain.path.PathBaseline;
import dev.glassbox.core.model.Shape;
import dev.glassbox.core.model.Target;
import dev.glassbox.djl.model.BlockModel;
import dev.glassbox.djl.model.NamedBlocks;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DeepLIFT through sigmoid and tanh: the rescale rule keeps summation-to-delta where plain gradients would not. */
class RescaleNonlinearityTest {

    @Test
    void deepLiftSumsToTheChangeOfTheScoreThroughSigmoidAndTanh() {
        try (BlockModel model = TestNets.build(new NamedBlocks()
                .add("fc1", Linear.builder().setUnits(5).build())
                .add("sigmoid", Activation.sigmoidBlock())
                .add("fc2", Linear.builder().setUnits(4).build())
                .add("tanh", Activation.tanhBlock())
                .add("fc3", Linear.builder().setUnits(3).build()), Shape.of(6), 7)) {
            float[][] x = {{1.5f, -2f, 0.3f, 2.5f, -1f, 0.7f}, {-0.5f, 3f, 1f, -2f, 0.2f, 1.1f}};
            List<Attribution> deepLift = RuleBasedAttribution.deepLift(model, PathBaseline.constant(0.5f)).explain(x,
                    Target.index(2));
            float[][] baseline = {{0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f}};
            double baselineScore = model.predict(baseline)[0][2];
            for (int i = 0; i < x.length; i++) {
                double change = model.predict(new float[][] {x[i]})[0][2] - baselineScore;
                assertThat(deepLift.get(i).sum()).isCloseTo(change, within(1e-5));
                assertThat(Math.abs(change)).isGreaterThan(1e-3);
            }
            // Gradient × (x − x′) misses the change through the saturating units by far more
            Attribution gradient = Saliency.gradients(model, false).explain(x[0], Target.index(2));
            double linearised = 0;
            for (int j = 0; j < x[0].length; j++) {
                linearised += gradient.values()[j] * (x[0][j] - 0.5f);
            }
            assertThat(Math.abs(linearised - deepLift.get(0).sum())).isGreaterThan(1e-3);
        }
    }
}
