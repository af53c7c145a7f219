package dev.glassbox.core.faithfulness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.explain.Explainer;
import dev.glassbox.core.model.Shape;
import org.junit.jupiter.api.Test;

class MaxSensitivityTest {
    private static final Shape SHAPE = Shape.of(1, 2, 3);
    private static final float[] W = {0.5f, -1, 2, 0, 1.5f, -0.25f};
    private static final float[] X = {0.2f, 0.9f, 0.4f, 0.7f, 0.1f, 0.6f};

    @Test
    void aConstantExplanationDoesNotMove() {
        Explainer gradient = LinearModels.exact(SHAPE, W, false, 1);
        assertThat(MaxSensitivity.defaults(0).of(gradient, X, SHAPE, 0)).isZero();
    }

    @Test
    void gradientTimesInputMovesWithinItsBound() {
        Explainer timesInput = LinearModels.exact(SHAPE, W, true, 1);
        // ‖w ⊙ δ‖ ≤ r ‖w‖ for |δ_j| ≤ r
        double wNorm = 0;
        double mapNorm = 0;
        for (int j = 0; j < W.length; j++) {
            wNorm += W[j] * W[j];
            mapNorm += W[j] * X[j] * W[j] * X[j];
        }
        double bound = 0.02 * Math.sqrt(wNorm) / Math.sqrt(mapNorm);
        double sensitivity = MaxSensitivity.defaults(1).of(timesInput, X, SHAPE, 0);
        assertThat(sensitivity).isPositive().isLessThanOrEqualTo(bound);
        assertThat(MaxSensitivity.defaults(1).of(timesInput, X, SHAPE, 0)).isEqualTo(sensitivity);
        assertThat(MaxSensitivity.defaults(2).of(timesInput, X, SHAPE, 0)).isNotEqualTo(sensitivity);
        assertThat(MaxSensitivity.of(0.2, 10, 1).of(timesInput, X, SHAPE, 0)).isGreaterThan(5 * sensitivity);
    }

    @Test
    void refusesBadSettingsAndInput() {
        assertThatThrownBy(() -> MaxSensitivity.of(0, 10, 0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> MaxSensitivity.of(0.1, 0, 0)).isInstanceOf(InvalidInputException.class);
        Explainer gradient = LinearModels.exact(SHAPE, W, false, 1);
        assertThatThrownBy(() -> MaxSensitivity.defaults(0).of(gradient, new float[] {0, 0, Float.NaN, 0, 0, 0},
                SHAPE, 0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> MaxSensitivity.defaults(0).of(gradient, new float[0], SHAPE, 0))
                .isInstanceOf(InvalidInputException.class);
    }
}
