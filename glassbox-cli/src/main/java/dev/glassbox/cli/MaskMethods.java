package dev.glassbox.cli;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.explain.Explainer;
import dev.glassbox.core.explain.path.Baseline;
import dev.glassbox.djl.DifferentiableModel;
import dev.glassbox.djl.explain.mask.ExtremalPerturbation;
import dev.glassbox.djl.explain.mask.MeaningfulPerturbation;

/** The optimised-mask methods of {@code glassbox explain}: extremal and meaningful perturbations. */
final class MaskMethods {
    private MaskMethods() {
    }

    /** {@code extremal} or {@code meaningful}, configured from the shared options. */
    static Explainer create(String method, DifferentiableModel model, ExplainOptions options) {
        Baseline perturbation = perturbation(options);
        if (method.equals("extremal")) {
            ExtremalPerturbation.Builder builder = ExtremalPerturbation.of(model)
                    .areas(options.areas.stream().mapToDouble(Double::doubleValue).toArray())
                    .variant(ExtremalPerturbation.Variant.parse(options.variant)).perturbation(perturbation);
            if (options.iterations != null) {
                builder.iterations(options.iterations);
            }
            return builder.build();
        }
        MeaningfulPerturbation.Builder builder = MeaningfulPerturbation.of(model).perturbation(perturbation);
        if (options.iterations != null) {
            builder.iterations(options.iterations);
        }
        return builder.build();
    }

    private static Baseline perturbation(ExplainOptions options) {
        if (options.perturbation.equalsIgnoreCase("blur")) {
            return Baseline.blurred(options.blurSigma);
        }
        try {
            return Baseline.constant(Float.parseFloat(options.perturbation));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("--perturbation takes blur or a number, not '" + options.perturbation + "'");
        }
    }
}
