package dev.glassbox.core.explain.perturb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.explain.Explainer;
import dev.glassbox.core.explain.grouping.FeatureGrouping;
import dev.glassbox.core.model.FunctionModel;
import dev.glassbox.core.model.Shape;
import dev.glassbox.core.model.Target;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The same seed gives the same numbers on one thread and on several, and evaluation really runs in parallel. */
class ThreadDeterminismTest {
    private static final Shape SHAPE = Shape.of(1, 6, 6);
    private final Set<String> threadsSeen = ConcurrentHashMap.newKeySet();

    /** A nonlinear two-class model that records which threads call it. */
    private FunctionModel model() {
        return FunctionModel.ofLogits(SHAPE, 2, batch -> {
            threadsSeen.add(Thread.currentThread().getName());
            float[][] out = new float[batch.length][2];
            for (int r = 0; r < batch.length; r++) {
                double s = 0;
                for (int i = 0; i < batch[r].length; i++) {
                    s += Math.sin(i + 1.0) * batch[r][i] * batch[r][(i * 7) % batch[r].length];
                }
                out[r][0] = (float) s;
                out[r][1] = (float) Math.tanh(s);
            }
            return out;
        });
    }

    private static float[] input() {
        Random random = new Random(8);
        float[] x = new float[SHAPE.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextFloat();
        }
        return x;
    }

    private static Execution threads(int n) {
        return Execution.defaults().withBatchSize(7).withThreads(n);
    }

    private void assertSameOnOneAndTwoThreads(Function<Execution, Explainer> explainer) {
        Attribution one = explainer.apply(threads(1)).explain(input(), Target.PREDICTED);
        threadsSeen.clear();
        Attribution two = explainer.apply(threads(2)).explain(input(), Target.PREDICTED);

        assertThat(two.values()).containsExactly(one.values());
        assertThat(two.standardErrors()).containsExactly(one.standardErrors());
        assertThat(two.diagnostics()).isEqualTo(one.diagnostics());
        assertThat(threadsSeen).hasSizeGreaterThan(1);
    }

    private Function<Execution, Explainer> coalitions(CoalitionMethod method) {
        return execution -> PerturbationExplainer.builder(model(), method)
                .grouping(FeatureGrouping.pixels(SHAPE)).baseline(Background.of(new float[SHAPE.size()]))
                .execution(execution).probabilities(true).build();
    }

    @Test
    void kernelShap() {
        assertSameOnOneAndTwoThreads(coalitions(KernelShap.builder().samples(300).seed(4).build()));
    }

    @Test
    void lime() {
        assertSameOnOneAndTwoThreads(coalitions(Lime.builder().samples(300).seed(4).build()));
    }

    @Test
    void shapleySampling() {
        assertSameOnOneAndTwoThreads(coalitions(ShapleySampling.builder().permutations(6).seed(4).build()));
    }

    @Test
    void tabularLime() {
        Random random = new Random(1);
        float[][] training = new float[100][SHAPE.size()];
        for (float[] row : training) {
            for (int j = 0; j < row.length; j++) {
                row[j] = random.nextFloat();
            }
        }
        assertSameOnOneAndTwoThreads(execution -> LimeTabular.builder(model(), training).samples(500).seed(4)
                .execution(execution).build());
    }

    @Test
    void anotherSeedGivesOtherNumbers() {
        Attribution a = coalitions(KernelShap.builder().samples(300).seed(4).build()).apply(threads(1))
                .explain(input(), Target.PREDICTED);
        Attribution b = coalitions(KernelShap.builder().samples(300).seed(5).build()).apply(threads(1))
                .explain(input(), Target.PREDICTED);

        assertThat(b.values()).isNotEqualTo(a.values());
        assertThat(a.params()).containsEntry("seed", 4L);
    }
}
