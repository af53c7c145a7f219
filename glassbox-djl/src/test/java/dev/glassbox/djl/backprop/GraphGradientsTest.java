package dev.glassbox.djl.backprop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Gradients with their graph against closed forms: first and second derivatives of a cubic, an unused input, and
 * that the arrays' names are left as they were.
 */
class GraphGradientsTest {

    @Test
    void theGradientOfACubicCanBeDifferentiatedAgain() {
        double[] values = {-1.5, 0.5, 2};
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            NDArray x = m.create(values);
            NDArray unused = m.create(new double[] {7, 8});
            x.setRequiresGradient(true);
            unused.setRequiresGradient(true);
            x.setName("x");
            double[] first;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                // x·x·x, not x.pow(3): DJL's pow(Number) leaves its exponent in freed memory (see Scalars)
                NDArray y = x.mul(x).mul(x).sum();
                List<NDArray> gradients = GraphGradients.of(y, List.of(x, unused));
                first = gradients.get(0).toDoubleArray();
                assertThat(gradients.get(1).toDoubleArray()).containsExactly(0, 0);
                collector.backward(gradients.get(0).sum());
            }
            double[] second = x.getGradient().toDoubleArray();
            for (int i = 0; i < values.length; i++) {
                assertThat(first[i]).isCloseTo(3 * values[i] * values[i], within(1e-12));
                assertThat(second[i]).isCloseTo(6 * values[i], within(1e-12));
            }
            assertThat(x.getName()).isEqualTo("x");
            assertThat(unused.getName()).isNull();
        }
    }
}
