package dev.glassbox.core.faithfulness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.Progress;
import dev.glassbox.core.explain.Explainer;
import dev.glassbox.core.model.FunctionModel;
import dev.glassbox.core.model.Shape;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FaithfulnessCheckTest {
    private static final Shape IMAGE = Shape.of(1, 6, 6);

    @Test
    void exactAttributionsOfALinearModelBeatTheRandomBaselineOnEveryMeasure() {
        SplittableRandom random = new SplittableRandom(2);
        float[] w = new float[36];
        float[][] x = new float[3][36];
        for (int j = 0; j < 36; j++) {
            w[j] = (float) random.nextGaussian();
            for (float[] row : x) {
                row[j] = (float) random.nextDouble();
            }
        }
        FunctionModel model = LinearModels.linear(IMAGE, w);
        Map<String, Explainer> explainers = new LinkedHashMap<>();
        explainers.put("gradient", LinearModels.exact(IMAGE, w, false, 1));
        explainers.put("ixg", LinearModels.exact(IMAGE, w, true, 1));
        FaithfulnessResult result = FaithfulnessCheck.of(model, explainers)
                .curves(PerturbationCurves.of(model).steps(12).blurSigma(2).build())
                .infidelity(Infidelity.of(model).sigma(0.1).seed(1).build())
                .sensitivity(MaxSensitivity.defaults(1)).seed(3).build().run(x, new int[3], Progress.NONE);
        assertThat(result.methods()).containsOnlyKeys("gradient", "ixg", FaithfulnessCheck.RANDOM);
        FaithfulnessResult.Scores ixg = result.methods().get("ixg");
        FaithfulnessResult.Scores chance = result.methods().get(FaithfulnessCheck.RANDOM);
        assertThat(ixg.deletionAuc()).isLessThan(chance.deletionAuc());
        assertThat(ixg.insertionAuc()).isGreaterThan(chance.insertionAuc());
        assertThat(result.methods().get("gradient").meanInfidelity().orElseThrow()).isLessThan(1e-10);
        assertThat(chance.meanInfidelity().orElseThrow()).isGreaterThan(1e-3);
        assertThat(result.methods().get("gradient").meanMaxSensitivity().orElseThrow()).isZero();
        assertThat(ixg.meanCurve(PerturbationCurves.Kind.DELETION)).hasSize(13);
    }

    @Test
    void measuresOnlyWhatIsConfiguredAndRefusesTheBaselinesName() {
        FunctionModel model = LinearModels.linear(IMAGE, new float[36]);
        Explainer gradient = LinearModels.exact(IMAGE, new float[36], false, 1);
        FaithfulnessResult result = FaithfulnessCheck.of(model, Map.of("gradient", gradient)).build()
                .run(new float[][] {new float[36]}, new int[1], Progress.NONE);
        assertThat(result.methods().get("gradient").meanInfidelity()).isEmpty();
        assertThat(result.methods().get("gradient").meanMaxSensitivity()).isEmpty();
        assertThatThrownBy(() -> FaithfulnessCheck.of(model, Map.of("random", gradient)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> FaithfulnessCheck.of(model, Map.of())).isInstanceOf(InvalidInputException.class);
    }
}
