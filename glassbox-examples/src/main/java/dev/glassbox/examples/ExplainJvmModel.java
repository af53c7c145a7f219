package dev.glassbox.examples;

import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.explain.Diagnostic;
import dev.glassbox.core.explain.Explainer;
import dev.glassbox.core.explain.catalogue.MethodCatalogue;
import dev.glassbox.core.explain.catalogue.MethodSettings;
import dev.glassbox.core.input.Sample;
import dev.glassbox.core.model.FunctionModel;
import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.Shape;
import dev.glassbox.core.model.Target;
import dev.glassbox.core.output.AttributionWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * Explains one decision of a model that lives in plain Java (here a hand-written credit score; a Tribuo, Smile or
 * XGBoost4J model is wrapped the same way) with Kernel SHAP, and writes the explanation as JSON and a waterfall chart.
 * Needs only {@code glassbox-core}.
 */
public final class ExplainJvmModel {
    private ExplainJvmModel() {
    }

    /** A credit score: the log-odds of repaying from income, debt and years at the current address. */
    static float[] creditScore(float[] applicant) {
        return new float[] {0.8f * applicant[0] - 1.2f * applicant[1] + 0.1f * applicant[2] - 0.5f};
    }

    /** Explains {@code applicant} against {@code background} rows and writes the files into {@code out}. */
    public static Attribution explain(float[] applicant, float[][] background, Path out) {
        Model model = FunctionModel.ofScores(Shape.of(3), 1, batch -> {
            float[][] scores = new float[batch.length][];
            for (int i = 0; i < batch.length; i++) {
                scores[i] = creditScore(batch[i]);
            }
            return scores;
        }).withFeatureNames(List.of("income", "debt", "years at address"));
        Explainer shap = MethodCatalogue.standard().create("kernel-shap", model,
                MethodSettings.builder().background(background).seed(7).build());
        Attribution attribution = shap.explain(applicant, Target.index(0));
        AttributionWriter.write(out, "applicant", attribution, new Sample("applicant", Shape.of(3), applicant), "repays");
        return attribution;
    }

    /** Runs the example: {@code java ... ExplainJvmModel OUT_DIR}. */
    public static void main(String[] args) {
        float[][] background = {{3.0f, 1.0f, 2}, {5.0f, 2.5f, 8}, {2.0f, 0.5f, 1}, {4.0f, 1.5f, 4}};
        Attribution a = explain(new float[] {6.0f, 0.5f, 10}, background, Path.of(args.length > 0 ? args[0] : "out"));
        System.out.printf("E[f] = %.3f, additivity error = %.2g%n", a.diagnostic(Diagnostic.EXPECTED_VALUE).orElseThrow(),
                a.diagnostic(Diagnostic.ADDITIVITY_ERROR).orElseThrow());
    }
}
