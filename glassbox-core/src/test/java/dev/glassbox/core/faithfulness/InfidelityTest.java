package dev.glassbox.core.faithfulness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.explain.RandomAttribution;
import dev.glassbox.core.model.FunctionModel;
import dev.glassbox.core.model.Shape;
import dev.glassbox.core.model.Target;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InfidelityTest {
    private static final Shape SHAPE = Shape.of(1, 2, 3);
    private static final float[] W = {0.5f, -1, 2, 0, 1.5f, -0.25f};
    private static final float[] X = {0.2f, 0.9f, 0.4f, 0.7f, 0.1f, 0.6f};

    @Test
    void theGradientOfALinearModelIsPerfectlyFaithful() {
        FunctionModel model = LinearModels.linear(SHAPE, W);
        Attribution gradient = LinearModels.exact(SHAPE, W, false, 1).explain(X, Target.index(0));
        Infidelity raw = Infidelity.of(model).sigma(0.1).optimalScaling(false).seed(1).build();
        assertThat(raw.of(X, gradient)).isLessThan(1e-10);
        double random = raw.of(X, new RandomAttribution(model, 2).explain(X, Target.index(0)));
        assertThat(random).isGreaterThan(0.01);
    }

    @Test
    void optimalScalingForgivesTheUnitsButNotTheShape() {
        FunctionModel model = LinearModels.linear(SHAPE, W);
        Attribution fiveTimes = LinearModels.exact(SHAPE, W, false, 5).explain(X, Target.index(0));
        assertThat(Infidelity.of(model).sigma(0.1).optimalScaling(false).build().of(X, fiveTimes)).isGreaterThan(0.1);
        assertThat(Infidelity.of(model).build().of(X, fiveTimes)).isLessThan(1e-10);
        Attribution timesInput = LinearModels.exact(SHAPE, W, true, 1).explain(X, Target.index(0));
        assertThat(Infidelity.of(model).sigma(0.1).build().of(X, timesInput)).isGreaterThan(1e-3);
    }

    @Test
    void theSeedFixesTheEstimate() {
        FunctionModel model = LinearModels.linear(SHAPE, W);
        Attribution timesInput = LinearModels.exact(SHAPE, W, true, 1).explain(X, Target.index(0));
        double once = Infidelity.of(model).seed(3).build().of(X, timesInput);
        assertThat(Infidelity.of(model).seed(3).chunk(7).build().of(X, timesInput)).isEqualTo(once);
        assertThat(Infidelity.of(model).seed(4).build().of(X, timesInput)).isNotEqualTo(once);
    }

    @Test
    void refusesBadSettingsAndMaps() {
        FunctionModel model = LinearModels.linear(SHAPE, W);
        assertThatThrownBy(() -> Infidelity.of(model).sigma(0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Infidelity.of(model).samples(0)).isInstanceOf(InvalidInputException.class);
        Attribution wrong = Attribution.of("x", 0, Shape.of(5), new float[5], Map.of(), Map.of());
        assertThatThrownBy(() -> Infidelity.of(model).build().of(X, wrong)).isInstanceOf(InvalidInputException.class);
    }
}
