package dev.glassbox.djl.robust.explanation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.explain.catalogue.MethodSettings;
import dev.glassbox.core.explain.path.IntegrationRule;
import dev.glassbox.core.math.Vectors;
import dev.glassbox.core.model.Shape;
import dev.glassbox.djl.backprop.Backprop;
import dev.glassbox.djl.backprop.Tensors;
import dev.glassbox.djl.explain.Saliency;
import dev.glassbox.djl.explain.TestNets;
import dev.glassbox.djl.model.BlockModel;
import dev.glassbox.djl.model.NamedBlocks;
import dev.glassbox.djl.robust.InputBounds;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The softplus surrogate against its closed form and the ReLU network it tends to, the exact attack gradient
 * against finite differences of the loss it differentiates, and the white-box attack on a small CNN.
 */
class SoftplusSurrogateTest {
    private static final InputBounds UNIT = new InputBounds(0, 1);

    /**
     * conv (1 → 4, 3×3, same), relu, 2×2 average pool, conv (4 → 4), relu, flatten, fc (36 → 3) on 1×6×6 (average
     * pooling: a max-pool's map jumps where its maximum changes, which no finite difference can follow).
     */
    private static BlockModel cnn() {
        return TestNets.build(new NamedBlocks()
                .add("conv1", Conv2d.builder().setKernelShape(new ai.djl.ndarray.types.Shape(3, 3))
                        .optPadding(new ai.djl.ndarray.types.Shape(1, 1)).setFilters(4).build())
                .add("relu1", Activation.reluBlock())
                .add("pool", Pool.avgPool2dBlock(new ai.djl.ndarray.types.Shape(2, 2),
                        new ai.djl.ndarray.types.Shape(2, 2)))
                .add("conv2", Conv2d.builder().setKernelShape(new ai.djl.ndarray.types.Shape(3, 3))
                        .optPadding(new ai.djl.ndarray.types.Shape(1, 1)).setFilters(4).build())
                .add("relu2", Activation.reluBlock())
                .add("flatten", Blocks.batchFlattenBlock())
                .add("fc", Linear.builder().setUnits(3).build()), Shape.of(1, 6, 6), 21);
    }

    private static float[][] images(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] out = new float[count][36];
        for (float[] x : out) {
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) (0.1 + 0.8 * random.nextDouble());
            }
        }
        return out;
    }

    /** The surrogate's scores for rows, without a graph. */
    private static float[][] scores(SoftplusSurrogate net, float[][] rows) {
        try (NDManager scope = net.model().manager().newSubManager()) {
            return Tensors.toRows(net.scores(Tensors.fromRows(scope, rows, net.model().inputShape())));
        }
    }

    /** The surrogate's absolute maps of rows for their classes, read back as rows. */
    private static float[][] maps(SoftplusSurrogate net, SurrogateMap map, float[][] rows, int[] classes) {
        BlockModel model = (BlockModel) net.model();
        try (NDManager scope = model.manager().newSubManager()) {
            return Backprop.collecting(collector -> {
                NDArray x = Tensors.fromRows(scope, rows, model.inputShape());
                x.setRequiresGradient(true);
                return Tensors.toRows(map.maps(net, x, SurrogateGradient.oneHot(scope, classes, model.outputSize())));
            });
        }
    }

    /** 1 − relu(1 − x₁ − x₂) becomes 1 − log(1 + e^{β(1 − x₁ − x₂)}) / β, and tends to the network as β grows. */
    @Test
    void surrogateIsSoftplusInPlaceOfReluAndTendsToTheNetwork() throws Exception {
        try (BlockModel model = TestNets.build(new NamedBlocks()
                .add("fc1", Linear.builder().setUnits(1).build())
                .add("relu", Activation.reluBlock())
                .add("fc2", Linear.builder().setUnits(1).build()), Shape.of(2), 1)) {
            model.layers().layer("fc1").getParameters().get("weight").getArray().set(new float[] {-1, -1});
            model.layers().layer("fc1").getParameters().get("bias").getArray().set(new float[] {1});
            model.layers().layer("fc2").getParameters().get("weight").getArray().set(new float[] {-1});
            model.layers().layer("fc2").getParameters().get("bias").getArray().set(new float[] {1});
            float[][] x = {{0.2f, 0.3f}, {0.9f, 0.8f}, {0.5f, 0.5f}};
            for (double beta : new double[] {0.5, 2, 40}) {
                SoftplusSurrogate net = SoftplusSurrogate.of(model, beta);
                assertThat(net.replacedNodes()).isEqualTo(1);
                float[][] y = scores(net, x);
                for (int i = 0; i < x.length; i++) {
                    double u = 1 - x[i][0] - x[i][1];
                    double softplus = Math.max(beta * u, 0) + Math.log1p(Math.exp(-Math.abs(beta * u)));
                    assertThat((double) y[i][0]).as("β = %s, row %d", beta, i)
                            .isCloseTo(1 - softplus / beta, within(1e-5));
                }
            }
        }
        try (BlockModel model = cnn()) {
            float[][] x = images(4, 3);
            float[][] exact = model.predict(x);
            float[][] smooth = scores(SoftplusSurrogate.of(model, 1), x);
            float[][] sharp = scores(SoftplusSurrogate.of(model, 1000), x);
            double far = 0;
            for (int i = 0; i < x.length; i++) {
                for (int k = 0; k < 3; k++) {
                    assertThat(sharp[i][k]).isCloseTo(exact[i][k], within(5e-3f));
                    far = Math.max(far, Math.abs(smooth[i][k] - exact[i][k]));
                }
            }
            assertThat(far).isGreaterThan(0.05);
        }
    }

    /** At a large β the surrogate's saliency map is the network's own (glassbox's saliency explainer). */
    @Test
    void sharpSurrogateDrawsTheNetworksSaliencyMap() {
        try (BlockModel model = cnn()) {
            float[][] x = images(4, 5);
            int[] classes = new int[x.length];
            float[][] scores = model.predict(x);
            for (int i = 0; i < x.length; i++) {
                classes[i] = Vectors.argmax(scores[i]);
            }
            float[][] surrogate = maps(SoftplusSurrogate.of(model, 1000), SurrogateMap.of("saliency", MethodSettings.defaults()), x,
                    classes);
            var explained = Saliency.gradients(model, true).explain(x, classes);
            for (int i = 0; i < x.length; i++) {
                float[] exact = explained.get(i).values();
                assertThat(cosine(surrogate[i], exact)).as("row %d", i).isGreaterThan(0.999);
            }
        }
    }

    /**
     * The exact gradient of the loss of each surrogate map (saliency, Gradient × Input, IG) under both goals agrees
     * with central differences of that loss, computed from the maps alone with the goal's plain Java form.
     */
    /**
     * The SmoothGrad surrogate is the mean of the signed surrogate gradients at x + σ ε_s, σ = 0.2 (max x − min x), the
     * ε_s standard normal draws of its seed (the same for every input), then taken in absolute value.
     */
    @Test
    void smoothGradSurrogateAveragesTheGradientsAtTheSeedsNoisyPoints() {
        try (BlockModel model = cnn()) {
            SoftplusSurrogate net = SoftplusSurrogate.of(model, 3);
            float[][] x = images(2, 17);
            int[] classes = {1, 2};
            int copies = 3;
            float[][] smooth = maps(net, SurrogateMap.of("smoothgrad",
                    MethodSettings.builder().samples(copies).noise(0.2).seed(8).build()), x, classes);
            SplittableRandom random = new SplittableRandom(8);
            double[][] draws = new double[copies][x[0].length];
            for (double[] draw : draws) {
                for (int j = 0; j < draw.length; j++) {
                    draw[j] = random.nextGaussian();
                }
            }
            for (int i = 0; i < x.length; i++) {
                double range = 0;
                for (float a : x[i]) {
                    for (float b : x[i]) {
                        range = Math.max(range, a - b);
                    }
                }
                double[] mean = new double[x[i].length];
                for (double[] draw : draws) {
                    float[] point = new float[x[i].length];
                    for (int j = 0; j < point.length; j++) {
                        point[j] = (float) (x[i][j] + 0.2 * range * (float) draw[j]);
                    }
                    float[] signed = signedGradient(net, point, classes[i]);
                    for (int j = 0; j < mean.length; j++) {
                        mean[j] += signed[j] / copies;
                    }
                }
                for (int j = 0; j < mean.length; j++) {
                    assertThat((double) smooth[i][j]).as("row %d, feature %d", i, j)
                            .isCloseTo(Math.abs(mean[j]), within(1e-5 + 1e-4 * Math.abs(mean[j])));
                }
            }
        }
    }

    /** The surrogate's signed class gradient at one point. */
    private static float[] signedGradient(SoftplusSurrogate net, float[] point, int c) {
        BlockModel model = (BlockModel) net.model();
        try (NDManager scope = model.manager().newSubManager()) {
            return Backprop.collecting(collector -> {
                NDArray x = Tensors.fromRows(scope, new float[][] {point}, model.inputShape());
                x.setRequiresGradient(true);
                NDArray picked = net.scores(x).mul(SurrogateGradient.oneHot(scope, new int[] {c}, model.outputSize()))
                        .sum();
                collector.backward(picked);
                return Tensors.toRows(x.getGradient())[0];
            });
        }
    }

    @Test
    void lossGradientMatchesFiniteDifferencesOfTheLoss() {
        try (BlockModel model = cnn()) {
            SoftplusSurrogate net = SoftplusSurrogate.of(model, 3);
            float[][] x = images(2, 9);
            int[] classes = {0, 2};
            float[] target = images(1, 11)[0];
            for (SurrogateMap map : List.of(SurrogateMap.of("saliency", MethodSettings.defaults()), SurrogateMap.of("ixg", MethodSettings.defaults()),
                    SurrogateMap.of("ig", MethodSettings.builder().integrationRule(IntegrationRule.GAUSS_LEGENDRE)
                            .steps(4).build()),
                    SurrogateMap.of("smoothgrad", MethodSettings.builder().samples(3).noise(0.15).seed(5).build()))) {
                for (MapGoal goal : List.of(MapGoal.topKShare(0.2), MapGoal.towards(target, 1))) {
                    float[][] start = maps(net, map, x, classes);
                    float[][] p0 = scores(net, x);
                    MapGoal.Objective[] objectives = new MapGoal.Objective[x.length];
                    for (int i = 0; i < x.length; i++) {
                        objectives[i] = goal.objective(start[i], Vectors.softmax(p0[i]));
                    }
                    double[][] gradient = new SurrogateGradient(net, map).of(x, classes, objectives,
                            goal.readsOutputs());
                    for (int i = 0; i < x.length; i++) {
                        double largest = java.util.Arrays.stream(gradient[i]).map(Math::abs).max().orElse(0);
                        assertThat(largest).isGreaterThan(0);
                        for (int j = 0; j < 36; j += 5) {
                            double h = 1e-2;
                            double difference = (loss(net, map, x[i], classes[i], objectives[i], j, h)
                                    - loss(net, map, x[i], classes[i], objectives[i], j, -h)) / (2 * h);
                            assertThat(gradient[i][j]).as("%s, %s, row %d, feature %d", map.method(), goal, i, j)
                                    .isCloseTo(difference, within(0.03 * largest));
                        }
                    }
                }
            }
        }
    }

    private static double loss(SoftplusSurrogate net, SurrogateMap map, float[] x, int c, MapGoal.Objective objective,
            int feature, double h) {
        float[] moved = x.clone();
        moved[feature] += (float) h;
        float[] m = maps(net, map, new float[][] {moved}, new int[] {c})[0];
        double[] p = Vectors.softmax(scores(net, new float[][] {moved})[0]);
        return objective.loss(m, p);
    }

    /**
     * The white-box attack keeps the prediction and the ε-ball, lowers every input's loss, and moves the saliency
     * map's top-k region further than random signs of the same size.
     */
    @Test
    void whiteBoxAttackMovesTheMapFurtherThanRandomSigns() {
        try (BlockModel model = cnn()) {
            float[][] x = images(6, 13);
            double epsilon = 0.05;
            ExplanationAttack attack = ExplanationAttack.of(model, Saliency.gradients(model, true)).epsilon(epsilon)
                    .steps(10).topKShare(0.2).bounds(UNIT).seed(3)
                    .surrogate(SoftplusSurrogate.of(model, 10), SurrogateMap.of("saliency", MethodSettings.defaults())).build();
            List<ExplanationAttackResult> attacked = attack.attack(x);
            List<ExplanationAttackResult> random = attack.randomSigns(x);
            double mean = 0;
            double baseline = 0;
            for (int i = 0; i < x.length; i++) {
                ExplanationAttackResult r = attacked.get(i);
                assertThat(r.predictionKept()).isTrue();
                for (int j = 0; j < 36; j++) {
                    assertThat(Math.abs(r.perturbed()[j] - x[i][j])).isLessThanOrEqualTo((float) epsilon + 1e-6f);
                }
                assertThat(r.lossAfter()).isLessThan(r.lossBefore());
                mean += r.shift().topKIntersection() / x.length;
                baseline += random.get(i).shift().topKIntersection() / x.length;
            }
            System.out.printf("white-box attack: top-k intersection %.3f, random %.3f%n", mean, baseline);
            assertThat(mean).isLessThan(baseline - 0.1);
        }
    }

    @Test
    void refusesWhatItCannotDifferentiate() {
        try (BlockModel model = cnn()) {
            assertThatThrownBy(() -> SoftplusSurrogate.of(model, 0)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("β");
            assertThatThrownBy(() -> SurrogateMap.of("deeplift", MethodSettings.defaults()))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("smoothed gradient estimate");
            try (BlockModel other = cnn()) {
                assertThatThrownBy(() -> ExplanationAttack.of(model, Saliency.gradients(model, true))
                        .surrogate(SoftplusSurrogate.of(other, 5), SurrogateMap.of("saliency", MethodSettings.defaults())))
                        .isInstanceOf(InvalidInputException.class).hasMessageContaining("another model");
            }
        }
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
