package dev.glassbox.examples;

import dev.glassbox.core.Progress;
import dev.glassbox.core.explain.Explainer;
import dev.glassbox.core.metrics.SimilarityMetric;
import dev.glassbox.core.model.Shape;
import dev.glassbox.core.model.Target;
import dev.glassbox.djl.DifferentiableModel;
import dev.glassbox.core.model.ModelOptions;
import dev.glassbox.djl.model.Models;
import dev.glassbox.djl.explain.IntegratedGradients;
import dev.glassbox.djl.explain.Saliency;
import dev.glassbox.djl.sanity.RandomisationCheck;
import dev.glassbox.djl.sanity.RandomisationResult;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Can I trust the explanation? The model-parameter randomisation test (Adebayo et al. 2018): re-draw the model's
 * layers from the top down and see whether each method's maps change. A method whose maps survive a destroyed model
 * explains the input, not the model. Needs {@code glassbox-djl}.
 */
public final class SanityCheck {
    private SanityCheck() {
    }

    /** Runs the cascading check of saliency and Integrated Gradients on {@code images} of a TorchScript model. */
    public static RandomisationResult run(Path model, float[][] images) {
        try (DifferentiableModel cnn = Models.loadDifferentiable(model, ModelOptions.withShape(Shape.of(1, 28, 28)))) {
            Map<String, Explainer> methods = new LinkedHashMap<>();
            methods.put("saliency", Saliency.gradients(cnn, true));
            methods.put("ig", IntegratedGradients.of(cnn).steps(32).build());
            return RandomisationCheck.of(cnn, methods).mode(RandomisationCheck.Mode.CASCADING).seed(3)
                    .metrics(List.of(SimilarityMetric.SPEARMAN_ABS)).build()
                    .run(images, Target.PREDICTED, Progress.NONE);
        }
    }
}
