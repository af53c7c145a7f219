package dev.glassbox.djl.robust.explanation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.math.Vectors;
import dev.glassbox.djl.explain.NoiseTunnel;
import dev.glassbox.djl.explain.Saliency;
import dev.glassbox.djl.robust.InputBounds;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The attack on explanations against the closed-form saliency map of {@link QuadraticModel}. */
class ExplanationAttackTest {
    private static final int FEATURES = 40;
    private static final InputBounds UNIT = new InputBounds(0, 1);

    private static float[][] inputs(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] out = new float[count][FEATURES];
        for (float[] x : out) {
            for (int i = 0; i < FEATURES; i++) {
                x[i] = (float) (0.2 + 0.6 * random.nextDouble());
            }
        }
        return out;
    }

    private static ExplanationAttack.Builder attack(QuadraticModel model, double epsilon) {
        return ExplanationAttack.of(model, Saliency.gradients(model, true)).epsilon(epsilon).steps(15).samples(8)
                .bounds(UNIT).seed(7);
    }

    /** The saliency of class c at x, 2 |W_ci x_i|, written out. */
    private static float[] saliency(QuadraticModel model, int c, float[] x) {
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = Math.abs(2 * model.weights[c][i] * x[i]);
        }
        return out;
    }

    @Test
    void topKAttackMovesTheMapKeepsThePredictionAndStaysInTheBallAndBounds() {
        QuadraticModel model = new QuadraticModel(FEATURES);
        float[][] inputs = inputs(6, 1);
        double epsilon = 0.1;
        List<ExplanationAttackResult> results = attack(model, epsilon).build().attack(inputs);
        List<ExplanationAttackResult> random = attack(model, epsilon).build().randomSigns(inputs);
        int k = MapGoal.topK(0.1, FEATURES);
        assertThat(k).isEqualTo(4);
        double attacked = 0;
        double baseline = 0;
        for (int i = 0; i < inputs.length; i++) {
            ExplanationAttackResult r = results.get(i);
            int c = Vectors.argmax(model.predict(new float[][] {inputs[i]})[0]);
            assertThat(r.classBefore()).isEqualTo(c);
            assertThat(r.originalMap()).containsExactly(saliency(model, c, inputs[i]), org.assertj.core.data.Offset
                    .offset(1e-5f));
            assertThat(r.map()).containsExactly(saliency(model, c, r.perturbed()), org.assertj.core.data.Offset
                    .offset(1e-5f));
            assertThat(r.predictionKept()).isTrue();
            assertThat(Vectors.argmax(model.predict(new float[][] {r.perturbed()})[0])).isEqualTo(c);
            for (int j = 0; j < FEATURES; j++) {
                assertThat(Math.abs(r.perturbed()[j] - inputs[i][j])).isLessThanOrEqualTo((float) epsilon + 1e-6f);
                assertThat(r.perturbed()[j]).isBetween(0f, 1f);
            }
            assertThat(r.lossAfter()).isLessThan(r.lossBefore());
            assertThat(r.shift().topKIntersection()).isLessThan(1);
            attacked += r.shift().topKIntersection();
            baseline += random.get(i).shift().topKIntersection();
        }
        assertThat(attacked / inputs.length).as("mean top-k intersection after the attack")
                .isLessThanOrEqualTo(0.5).isLessThan(baseline / inputs.length - 0.2);
    }

    @Test
    void rejectsStepsThatChangeThePrediction() {
        QuadraticModel model = new QuadraticModel(FEATURES);
        // inputs on the decision boundary's edge: class 0 by a small margin, a large ε could flip them
        float[][] inputs = new float[4][FEATURES];
        for (int r = 0; r < inputs.length; r++) {
            for (int i = 0; i < FEATURES; i++) {
                inputs[r][i] = i < FEATURES / 2 ? 0.5f : 0.55f + 0.01f * r;
            }
        }
        int rejected = 0;
        for (ExplanationAttackResult r : attack(model, 0.4).build().attack(inputs)) {
            assertThat(r.classBefore()).isZero();
            assertThat(r.classAfter()).isZero();
            rejected += 15 - r.acceptedSteps();
        }
        assertThat(rejected).as("steps that would have flipped the class were taken back").isPositive();
    }

    @Test
    void smoothedGradientPointsAlongTheAnalyticGradientOfTheTopKShare() {
        QuadraticModel model = new QuadraticModel(FEATURES);
        float[] x = inputs(1, 3)[0];
        int c = Vectors.argmax(model.predict(new float[][] {x})[0]);
        float[] map = saliency(model, c, x);
        MapGoal.Objective objective = MapGoal.topKShare(0.1).objective(map, null);
        // L(x) = A / S with A = Σ_{i ∈ B} W_i x_i, S = Σ_i W_i x_i (x > 0): ∂L/∂x_j = W_j (1[j ∈ B] S − A) / S²
        int[] region = Vectors.topK(Vectors.toDouble(map), 4);
        double a = 0;
        double s = 0;
        for (int i = 0; i < FEATURES; i++) {
            s += model.weights[c][i] * x[i];
        }
        for (int i : region) {
            a += model.weights[c][i] * x[i];
        }
        assertThat(objective.loss(map, null)).isCloseTo(a / s, org.assertj.core.data.Offset.offset(1e-6));
        double[] analytic = new double[FEATURES];
        for (int j = 0; j < FEATURES; j++) {
            analytic[j] = -model.weights[c][j] * a / (s * s);
        }
        for (int i : region) {
            analytic[i] += model.weights[c][i] / s;
        }

        SmoothedGradient estimator = new SmoothedGradient(2000, 1e-3);
        float[][] directions = estimator.directions(FEATURES, new SplittableRandom(5));
        float[][] points = estimator.points(x, directions);
        Saliency saliency = Saliency.gradients(model, true);
        double[] values = new double[points.length];
        int[] classes = new int[points.length];
        java.util.Arrays.fill(classes, c);
        var maps = saliency.explain(points, classes);
        for (int r = 0; r < points.length; r++) {
            values[r] = objective.loss(maps.get(r).values(), null);
        }
        double[] estimate = estimator.estimate(values, 0, directions);
        assertThat(cosine(estimate, analytic)).isGreaterThan(0.9);
        // too few samples in 40 dimensions: the estimate is much noisier
        SmoothedGradient few = new SmoothedGradient(2, 1e-3);
        float[][] fewDirections = few.directions(FEATURES, new SplittableRandom(5));
        float[][] fewPoints = few.points(x, fewDirections);
        var fewMaps = saliency.explain(fewPoints, new int[] {c, c, c, c});
        double[] fewValues = new double[4];
        for (int r = 0; r < 4; r++) {
            fewValues[r] = objective.loss(fewMaps.get(r).values(), null);
        }
        assertThat(cosine(few.estimate(fewValues, 0, fewDirections), analytic)).isLessThan(0.8);
    }

    @Test
    void targetedAttackMovesTheMapTowardsTheTarget() {
        QuadraticModel model = new QuadraticModel(FEATURES);
        float[][] inputs = inputs(3, 4);
        float[] target = new float[FEATURES];
        for (int i = 0; i < 8; i++) {
            target[i] = 1;
        }
        List<ExplanationAttackResult> results = attack(model, 0.1).goal(MapGoal.towards(target, 1)).build()
                .attack(inputs);
        for (ExplanationAttackResult r : results) {
            assertThat(r.lossBefore()).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(r.lossAfter()).isLessThan(0.95);
            assertThat(r.predictionKept()).isTrue();
            double[] before = Vectors.toDouble(r.originalMap());
            double[] after = Vectors.toDouble(r.map());
            double shareBefore = 0;
            double shareAfter = 0;
            for (int i = 0; i < 8; i++) {
                shareBefore += before[i] / java.util.Arrays.stream(before).sum();
                shareAfter += after[i] / java.util.Arrays.stream(after).sum();
            }
            assertThat(shareAfter).as("the target's features gain mass").isGreaterThan(shareBefore);
        }
    }

    @Test
    void sameSeedSameOutputOtherSeedOtherOutput() {
        QuadraticModel model = new QuadraticModel(FEATURES);
        float[][] inputs = inputs(3, 2);
        List<ExplanationAttackResult> a = attack(model, 0.05).build().attack(inputs);
        List<ExplanationAttackResult> b = attack(model, 0.05).rowsPerCall(16).build().attack(inputs);
        List<ExplanationAttackResult> other = attack(model, 0.05).seed(8).build().attack(inputs);
        boolean differs = false;
        for (int i = 0; i < inputs.length; i++) {
            assertThat(b.get(i).perturbed()).as("chunking does not change the result").isEqualTo(a.get(i).perturbed());
            assertThat(b.get(i).map()).isEqualTo(a.get(i).map());
            differs |= !java.util.Arrays.equals(other.get(i).perturbed(), a.get(i).perturbed());
        }
        assertThat(differs).isTrue();
        assertThat(attack(model, 0.05).build().randomSigns(inputs).get(0).perturbed())
                .isEqualTo(attack(model, 0.05).build().randomSigns(inputs).get(0).perturbed());
    }

    @Test
    void smoothGradWithTheSameNoiseForEveryInputIsOneFunctionOfTheInput() {
        QuadraticModel model = new QuadraticModel(FEATURES);
        float[] x = inputs(1, 6)[0];
        float[][] twice = {x, x};
        NoiseTunnel.Builder smoothGrad = NoiseTunnel.around(model, Saliency.gradients(model, false), "saliency")
                .samples(4).seed(9);
        var same = smoothGrad.sameNoiseForEveryInput(true).build().explain(twice, new int[] {0, 0});
        assertThat(same.get(1).values()).isEqualTo(same.get(0).values());
        var byPosition = smoothGrad.sameNoiseForEveryInput(false).build().explain(twice, new int[] {0, 0});
        assertThat(byPosition.get(1).values()).isNotEqualTo(byPosition.get(0).values());
        assertThat(byPosition.get(0).values()).isEqualTo(same.get(0).values());
    }

    @Test
    void badSettingsSayWhatIsExpected() {
        QuadraticModel model = new QuadraticModel(FEATURES);
        assertThatThrownBy(() -> attack(model, -0.1)).isInstanceOf(InvalidInputException.class).hasMessageContaining("ε");
        assertThatThrownBy(() -> attack(model, 0.1).topKShare(0)).hasMessageContaining("top-k share");
        assertThatThrownBy(() -> attack(model, 0.1).sigma(0)).hasMessageContaining("σ");
        assertThatThrownBy(() -> MapGoal.towards(new float[FEATURES], 1)).hasMessageContaining("all zeros");
        float[][] outside = {new float[FEATURES]};
        outside[0][3] = 2;
        assertThatThrownBy(() -> attack(model, 0.1).build().attack(outside)).hasMessageContaining("outside the bounds");
        assertThatThrownBy(() -> attack(model, 0.1).goal(MapGoal.towards(new float[] {1, 2}, 1)).build()
                .attack(inputs(1, 1))).hasMessageContaining("target map has 2 values");
    }

    private static double cosine(double[] a, double[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
