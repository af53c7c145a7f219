package dev.glassbox.djl.robust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.nn.core.Linear;
import com.google.gson.JsonObject;
import dev.glassbox.core.model.Shape;
import dev.glassbox.djl.model.BlockModel;
import dev.glassbox.djl.DifferentiableModel;
import dev.glassbox.core.model.ModelOptions;
import dev.glassbox.djl.model.Models;
import dev.glassbox.djl.model.NamedBlocks;
import dev.glassbox.djl.TestFixtures;
import dev.glassbox.djl.explain.TestNets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** FGSM and PGD: closed forms on a linear model, the ball and the bounds, strength, and agreement with Captum 0.8. */
class AttackTest {
    private static final Shape IMAGE = Shape.of(1, 28, 28);
    private static DifferentiableModel cnn;
    private static float[][] inputs;

    @BeforeAll
    static void load() {
        cnn = (DifferentiableModel) Models.load(TestFixtures.path("cnn.pt"), ModelOptions.withShape(IMAGE));
        inputs = TestFixtures.rows(TestFixtures.floats(TestFixtures.document("attacks.json"), "input"), IMAGE.size());
    }

    @AfterAll
    static void close() {
        cnn.close();
    }

    /** A 2-class linear model z = W x + b on 5 inputs. */
    private static BlockModel linear() {
        return TestNets.build(new NamedBlocks().add("fc", Linear.builder().setUnits(2).build()), Shape.of(5), 3);
    }

    private static float[][] weights(BlockModel model) {
        float[] w = model.layers().layer("fc").getParameters().get("weight").getArray().toFloatArray();
        return new float[][] {java.util.Arrays.copyOfRange(w, 0, 5), java.util.Arrays.copyOfRange(w, 5, 10)};
    }

    private static float[][] randomRows(int rows, int width, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] out = new float[rows][width];
        for (float[] row : out) {
            for (int j = 0; j < width; j++) {
                row[j] = (float) random.nextDouble();
            }
        }
        return out;
    }

    /**
     * For CE on two classes, ∇ₓ CE(z, y) = Wᵀ(softmax(z) − e_y) = p_{y'} (w_{y'} − w_y), with p_{y'} > 0: FGSM moves
     * every input by ε · sign(w_{y'} − w_y) away from y, and a targeted attack towards t by ε · sign(w_t − w_{t'}).
     */
    @Test
    void fgsmOnATwoClassLinearModelIsTheSignOfTheWeightDifference() {
        try (BlockModel model = linear()) {
            float[][] w = weights(model);
            float[][] x = randomRows(6, 5, 1);
            int[] classes = {0, 1, 0, 1, 1, 0};
            float eps = 0.1f;
            float[][] untargeted = Fgsm.builder(model).epsilon(eps).build().perturb(x, classes);
            float[][] targeted = Fgsm.builder(model).epsilon(eps).goal(AttackGoal.TARGETED).build().perturb(x, classes);
            for (int i = 0; i < x.length; i++) {
                int y = classes[i];
                int other = 1 - y;
                for (int j = 0; j < 5; j++) {
                    float away = Math.signum(w[other][j] - w[y][j]);
                    assertThat(untargeted[i][j]).isEqualTo(x[i][j] + eps * away);
                    assertThat(targeted[i][j]).isEqualTo(x[i][j] - eps * away);
                }
            }
            // the bounds clamp: from the corners of [0, 1] the move is cut off
            float[][] clamped = Fgsm.builder(model).epsilon(0.5).bounds(new InputBounds(0, 1)).build()
                    .perturb(x, classes);
            for (int i = 0; i < x.length; i++) {
                for (int j = 0; j < 5; j++) {
                    float away = Math.signum(w[1 - classes[i]][j] - w[classes[i]][j]);
                    assertThat(clamped[i][j]).isEqualTo(Math.max(0, Math.min(1, x[i][j] + 0.5f * away)));
                }
            }
            // on a linear model L∞ PGD ends in the same corner of the ball
            float[][] pgd = Pgd.builder(model).epsilon(eps).stepSize(0.03).steps(10).build().perturb(x, classes);
            for (int i = 0; i < x.length; i++) {
                for (int j = 0; j < 5; j++) {
                    assertThat(pgd[i][j]).isCloseTo(untargeted[i][j], within(1e-6f));
                }
            }
        }
    }

    /**
     * On the same linear model the normalised L2 step is α · u with u = (w_{y'} − w_y)/‖w_{y'} − w_y‖, whatever the
     * probabilities, and after enough steps the projection holds the input at x + ε · u.
     */
    @Test
    void l2PgdOnALinearModelWalksAlongTheWeightDifference() {
        try (BlockModel model = linear()) {
            float[][] w = weights(model);
            float[][] x = randomRows(4, 5, 4);
            int[] classes = {1, 0, 0, 1};
            float[][] one = Pgd.builder(model).norm(AttackNorm.L2).epsilon(10).stepSize(0.2).steps(1).build()
                    .perturb(x, classes);
            float[][] many = Pgd.builder(model).norm(AttackNorm.L2).epsilon(0.3).stepSize(0.1).steps(8).build()
                    .perturb(x, classes);
            for (int i = 0; i < x.length; i++) {
                double[] u = new double[5];
                double length = 0;
                for (int j = 0; j < 5; j++) {
                    u[j] = w[1 - classes[i]][j] - w[classes[i]][j];
                    length += u[j] * u[j];
                }
                length = Math.sqrt(length);
                for (int j = 0; j < 5; j++) {
                    assertThat((double) one[i][j]).isCloseTo(x[i][j] + 0.2 * u[j] / length, within(1e-6));
                    assertThat((double) many[i][j]).isCloseTo(x[i][j] + 0.3 * u[j] / length, within(1e-6));
                }
            }
        }
    }

    @Test
    void pgdNeverLeavesTheBallOrTheBounds() {
        int[] classes = AdversarialAttack.predicted(cnn, inputs);
        InputBounds unit = new InputBounds(0, 1);
        for (AttackNorm norm : AttackNorm.values()) {
            double eps = norm == AttackNorm.LINF ? 0.05 : 1.0;
            for (AttackGoal goal : AttackGoal.values()) {
                float[][] adversarial = Pgd.builder(cnn).norm(norm).epsilon(eps).stepSize(eps / 3).steps(6)
                        .randomStart(true).seed(7).bounds(unit).goal(goal).build().perturb(inputs, classes);
                for (int i = 0; i < inputs.length; i++) {
                    double l2 = 0;
                    double linf = 0;
                    for (int j = 0; j < inputs[i].length; j++) {
                        float v = adversarial[i][j];
                        assertThat(unit.contains(v)).as("value %s in [0, 1]", v).isTrue();
                        double d = v - inputs[i][j];
                        l2 += d * d;
                        linf = Math.max(linf, Math.abs(d));
                    }
                    double size = norm == AttackNorm.LINF ? linf : Math.sqrt(l2);
                    assertThat(size).as("%s %s sample %d", norm, goal, i).isLessThanOrEqualTo(eps * (1 + 1e-6));
                    assertThat(size).as("the attack moved").isGreaterThan(eps / 10);
                }
            }
        }
    }

    @Test
    void pgdIsAtLeastAsStrongAsFgsm() {
        int[] classes = AdversarialAttack.predicted(cnn, inputs);
        InputBounds unit = new InputBounds(0, 1);
        double eps = 0.03;
        double[] clean = AdversarialAttack.loss(cnn, inputs, classes);
        double[] fgsm = AdversarialAttack.loss(cnn,
                Fgsm.builder(cnn).epsilon(eps).bounds(unit).build().perturb(inputs, classes), classes);
        double[] pgd = AdversarialAttack.loss(cnn,
                Pgd.builder(cnn).epsilon(eps).stepSize(eps / 4).steps(20).bounds(unit).build().perturb(inputs, classes),
                classes);
        for (int i = 0; i < inputs.length; i++) {
            assertThat(fgsm[i]).as("FGSM raises the loss").isGreaterThan(clean[i]);
            assertThat(pgd[i]).as("sample %d: PGD %s, FGSM %s", i, pgd[i], fgsm[i]).isGreaterThanOrEqualTo(fgsm[i]);
        }
        // targeted: PGD lowers the target's loss at least as far as FGSM does
        int[] targets = new int[classes.length];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = (classes[i] + 3) % 10;
        }
        double[] fgsmT = AdversarialAttack.loss(cnn, Fgsm.builder(cnn).epsilon(eps).bounds(unit)
                .goal(AttackGoal.TARGETED).build().perturb(inputs, targets), targets);
        double[] pgdT = AdversarialAttack.loss(cnn, Pgd.builder(cnn).epsilon(eps).stepSize(eps / 4).steps(20)
                .bounds(unit).goal(AttackGoal.TARGETED).build().perturb(inputs, targets), targets);
        for (int i = 0; i < inputs.length; i++) {
            assertThat(pgdT[i]).as("sample %d", i).isLessThanOrEqualTo(fgsmT[i]);
        }
    }

    @Test
    void agreesWithCaptum08OnTheTorchScriptFixture() {
        JsonObject document = TestFixtures.document("attacks.json");
        float[] logits = TestFixtures.floats(document, "logits");
        float[][] ours = cnn.predict(inputs);
        for (int i = 0; i < ours.length; i++) {
            for (int k = 0; k < 10; k++) {
                assertThat(ours[i][k]).isCloseTo(logits[i * 10 + k], within(1e-4f));
            }
        }
        int cases = 0;
        for (var element : document.getAsJsonArray("cases")) {
            JsonObject c = element.getAsJsonObject();
            JsonObject p = c.getAsJsonObject("params");
            int[] labels = c.getAsJsonArray("labels").asList().stream().mapToInt(e -> e.getAsInt()).toArray();
            InputBounds bounds = p.get("lower").isJsonNull() ? InputBounds.NONE
                    : new InputBounds(p.get("lower").getAsFloat(), p.get("upper").getAsFloat());
            AttackGoal goal = p.get("targeted").getAsBoolean() ? AttackGoal.TARGETED : AttackGoal.UNTARGETED;
            AdversarialAttack attack = c.get("method").getAsString().equals("fgsm")
                    ? Fgsm.builder(cnn).epsilon(p.get("epsilon").getAsDouble()).bounds(bounds).goal(goal).build()
                    : Pgd.builder(cnn).norm(AttackNorm.parse(p.get("norm").getAsString()))
                            .epsilon(p.get("epsilon").getAsDouble()).stepSize(p.get("stepSize").getAsDouble())
                            .steps(p.get("steps").getAsInt()).bounds(bounds).goal(goal).step(PgdStep.SIGN).build();
            float[][] adversarial = attack.perturb(inputs, labels);
            float[] expected = TestFixtures.floats(c, "adversarial");
            double worst = 0;
            for (int i = 0; i < inputs.length; i++) {
                for (int j = 0; j < inputs[i].length; j++) {
                    worst = Math.max(worst, Math.abs(adversarial[i][j] - expected[i * inputs[i].length + j]));
                }
            }
            assertThat(worst).as(c.get("name").getAsString()).isLessThanOrEqualTo(1e-5);
            cases++;
        }
        assertThat(cases).isEqualTo(6);
    }

    /** An attack that finds something only at ε = 0.1: the raw measure rises again at 0.2, the robust one cannot. */
    @Test
    void robustAccuracyKeepsWhatASmallerRadiusFound() {
        try (BlockModel model = linear()) {
            float[][] x = randomRows(4, 5, 2);
            int[] labels = AdversarialAttack.predicted(model, x);
            float[][] w = weights(model);
            RobustnessCurve curve = RobustnessCurve.evaluate(eps -> new AdversarialAttack() {
                @Override
                public float[][] perturb(float[][] batch, int[] classes) {
                    float[][] out = new float[batch.length][];
                    for (int i = 0; i < batch.length; i++) {
                        out[i] = batch[i].clone();
                        if (eps == 0.1 && i == 0) {
                            for (int j = 0; j < 5; j++) {  // far along the other class's direction
                                out[i][j] += 100 * (w[1 - classes[i]][j] - w[classes[i]][j]);
                            }
                        }
                    }
                    return out;
                }

                @Override
                public DifferentiableModel model() {
                    return model;
                }
            }, x, labels, 0.2, 0, 0.1);
            assertThat(curve.epsilons()).containsExactly(0, 0.1, 0.2);
            assertThat(curve.clean()).isEqualTo(1.0);
            assertThat(curve.attackAccuracy()).containsExactly(1.0, 0.75, 1.0);
            assertThat(curve.robustAccuracy()).containsExactly(1.0, 0.75, 0.75);
            assertThat(curve.attackAccuracyMonotone()).isFalse();
        }
    }

    @Test
    void refusesBadSettings() {
        assertThatThrownBy(() -> Fgsm.builder(cnn).epsilon(-0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Pgd.builder(cnn).steps(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InputBounds(1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InputBounds.parse("0;1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AttackMethod.parse("cw")).isInstanceOf(IllegalArgumentException.class);
        assertThat(AttackMethod.FGSM.supports(AttackNorm.L2)).isFalse();
        assertThatThrownBy(() -> Fgsm.builder(cnn).epsilon(0.1).build().perturb(inputs, new int[] {0}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fgsm.builder(cnn).epsilon(0.1).build().perturb(inputs, new int[] {0, 10, 1}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
