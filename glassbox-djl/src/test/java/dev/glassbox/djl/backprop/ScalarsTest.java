package dev.glassbox.djl.backprop;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

/**
 * Scalars made by {@link Scalars} stay valid for the backward pass when the Java side collects its garbage between
 * forward and backward and reuses the freed memory (with DJL's own {@code x.mul(3f)} that pass read freed memory).
 */
class ScalarsTest {

    @Test
    void aScalarFactorSurvivesACollectionBetweenForwardAndBackward() throws InterruptedException {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            for (int trial = 0; trial < 20; trial++) {
                try (NDManager scope = m.newSubManager()) {
                    NDArray x = scope.create(new float[] {1, 2, 3});
                    x.setRequiresGradient(true);
                    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                        NDArray y = x.mul(Scalars.like(x, 3)).sum();
                        reuseFreedMemory(scope);
                        collector.backward(y);
                    }
                    assertThat(x.getGradient().toFloatArray()).as("trial " + trial).containsExactly(3, 3, 3);
                }
            }
        }
    }

    @Test
    void theScalarHasTheArraysTypeAndTheExactValue() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            NDArray x = m.create(new double[] {1});
            NDArray tenth = Scalars.like(x, 0.1);
            assertThat(tenth.getDataType()).isEqualTo(DataType.FLOAT64);
            assertThat(tenth.getDouble()).isEqualTo(0.1);
            assertThat(Scalars.like(m.create(new float[] {1}), 0.1).getFloat()).isEqualTo(0.1f);
        }
    }

    /** Collects garbage (freeing closed arrays' Java buffers), then allocates small arrays over the freed memory. */
    private static void reuseFreedMemory(NDManager scope) throws InterruptedException {
        System.gc();
        Thread.sleep(5);
        for (int i = 0; i < 200; i++) {
            try (NDArray z = scope.create(new float[] {-7f})) {
                z.add(1).close();
            }
        }
    }
}
