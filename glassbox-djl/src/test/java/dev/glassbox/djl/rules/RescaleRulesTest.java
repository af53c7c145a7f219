package dev.glassbox.djl.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.glassbox.djl.backprop.LayerBackward;
import dev.glassbox.djl.backprop.LayerPass;
import dev.glassbox.djl.graph.GraphNode;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * DeepLIFT's fused rules against their definitions, with the routing through a max-pool taken from the pool's own
 * backward pass (PyTorch's autograd), on inputs full of ties and of values equal to the reference's.
 */
class RescaleRulesTest {
    private static final LayerBackward UNUSED = new LayerBackward() {
        @Override
        public NDArray atInput(NDArray cotangent) {
            throw new AssertionError("the rescale rules need no backward pass of the layer");
        }

        @Override
        public NDArray through(UnaryOperator<NDArray> op, NDArray cotangent) {
            throw new AssertionError("the rescale rules need no backward pass of the layer");
        }
    };

    /** A block as a one-input graph node of the given operator. */
    private static GraphNode node(String operator, Block block) {
        return new GraphNode() {
            @Override
            public String name() {
                return operator;
            }

            @Override
            public String operator() {
                return operator;
            }

            @Override
            public List<String> inputs() {
                return List.of("x");
            }

            @Override
            public List<String> outputs() {
                return List.of("y");
            }

            @Override
            public NDList forward(NDList inputs) {
                return new NDList(RescaleRulesTest.forward(block, inputs.singletonOrThrow()));
            }
        };
    }

    /** Values from a small set, so that windows hold ties and inputs often equal the reference. */
    private static NDArray coarse(NDManager manager, Shape shape, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[Math.toIntExact(shape.size())];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextInt(4) - 1;
        }
        return manager.create(values, shape);
    }

    private static NDArray forward(Block layer, NDArray x) {
        return layer.forward(new ParameterStore(x.getManager(), false), new NDList(x), false).singletonOrThrow();
    }

    /** {@code vᵀ · ∂pool/∂x} at {@code x}, from autograd. */
    private static float[] route(Block pool, NDArray x, NDArray v) {
        NDArray leaf = x.duplicate();
        leaf.setRequiresGradient(true);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            collector.backward(forward(pool, leaf).mul(v).sum());
        }
        return leaf.getGradient().toFloatArray();
    }

    @ParameterizedTest(name = "kernel {0}, stride {1}, padding {2}, ceil {3}, shared reference {4}")
    @CsvSource({"2, 2, 0, false, true", "2, 2, 0, false, false", "3, 2, 1, false, true", "3, 2, 0, true, true",
        "2, 1, 0, false, false"})
    void maxPoolRuleRoutesChangesThroughTheMaximaThePoolsOwnBackwardPassUses(int kernel, int stride, int padding,
            boolean ceil, boolean sharedReference) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block pool = Pool.maxPool2dBlock(new Shape(kernel, kernel), new Shape(stride, stride),
                    new Shape(padding, padding), ceil);
            NDArray x = coarse(manager, new Shape(3, 2, 7, 7), 1);
            NDArray reference = coarse(manager, new Shape(sharedReference ? 1 : 3, 2, 7, 7), 2);
            NDArray y = forward(pool, x);
            NDArray yReference = forward(pool, reference);
            NDArray cotangent = manager.randomNormal(y.getShape());
            LayerPass pass = new LayerPass("pool", node("MaxPool", pool), x, y, reference, yReference);

            float[] actual = new RescaleMaxPoolRule(DeepLiftRules.EXACT).backward(pass, cotangent, UNUSED).toFloatArray();

            NDArray fullReference = reference.broadcast(x.getShape());
            NDArray crossMax = y.maximum(yReference);
            float[] toInputMaxima = route(pool, x, cotangent.mul(crossMax.sub(yReference)));
            float[] toReferenceMaxima = route(pool, fullReference, cotangent.mul(y.sub(crossMax)));
            float[] gradient = route(pool, x, cotangent);
            float[] dx = x.sub(fullReference).toFloatArray();
            int equal = 0;
            for (int i = 0; i < actual.length; i++) {
                double expected = dx[i] == 0 ? gradient[i] : (toInputMaxima[i] + toReferenceMaxima[i]) / dx[i];
                assertThat((double) actual[i]).as("element %d", i).isCloseTo(expected, within(1e-5));
                equal += dx[i] == 0 ? 1 : 0;
            }
            assertThat(equal).as("inputs equal to the reference, where the gradient is used").isPositive();
        }
    }

    @Test
    void reluRuleIsTheRatioOfChangesAndTheGradientWhereInputAndReferenceAgree() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block relu = Activation.reluBlock();
            NDArray x = manager.create(new float[] {2f, 2f, -1f, -1f, 3f, -2f, 0f, 1.5f}, new Shape(2, 4));
            NDArray reference = manager.create(new float[] {2f, -1f, -1f, 1f}, new Shape(1, 4));
            NDArray cotangent = manager.create(new float[] {1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f}, new Shape(2, 4));
            LayerPass pass = new LayerPass("relu", node("Relu", relu), x, forward(relu, x), reference, forward(relu, reference));

            float[] actual = new RescaleReluRule(DeepLiftRules.EXACT).backward(pass, cotangent, UNUSED).toFloatArray();

            // row 1: equal and positive (gradient 1), crossing 2 → -1 (Δy/Δx = 2/3), equal and negative (gradient 0),
            // crossing -1 → 1 (Δy/Δx = -1/-2); row 2: 3 vs 2 (1), -2 vs -1 (0), 0 vs -1 (0/1), 1.5 vs 1 (1)
            float[] expected = {1f, 2f * 2f / 3f, 0f, 4f * 0.5f, 5f, 0f, 0f, 8f};
            for (int i = 0; i < expected.length; i++) {
                assertThat(actual[i]).as("element %d", i).isCloseTo(expected[i], within(1e-6f));
            }
        }
    }
}
