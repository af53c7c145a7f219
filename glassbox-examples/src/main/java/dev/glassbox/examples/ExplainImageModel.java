package dev.glassbox.examples;

import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.explain.Diagnostic;
import dev.glassbox.core.input.Sample;
import dev.glassbox.core.math.Upsampling;
import dev.glassbox.core.model.Shape;
import dev.glassbox.core.model.Target;
import dev.glassbox.core.output.AttributionWriter;
import dev.glassbox.djl.DifferentiableModel;
import dev.glassbox.core.model.ModelOptions;
import dev.glassbox.djl.model.Models;
import dev.glassbox.djl.model.TorchScriptModel;
import dev.glassbox.djl.explain.ClassActivationMap;
import dev.glassbox.djl.explain.IntegratedGradients;
import java.nio.file.Path;
import java.util.List;

/**
 * Explains a TorchScript image classifier exported from PyTorch: Integrated Gradients on the whole model, and Grad-CAM
 * at the layer where the model was split into {@code features(x)} and {@code head(a)}. Needs {@code glassbox-djl}.
 */
public final class ExplainImageModel {
    private ExplainImageModel() {
    }

    /** Integrated Gradients (64 steps from a black image) of the predicted class, written into {@code out}. */
    public static Attribution integratedGradients(Path model, float[] image, Path out) {
        ModelOptions options = ModelOptions.withShape(Shape.of(1, 28, 28));
        try (DifferentiableModel cnn = Models.loadDifferentiable(model, options)) {
            Attribution ig = IntegratedGradients.of(cnn).steps(64).build().explain(image, Target.PREDICTED);
            AttributionWriter.write(out, "image", ig, new Sample("image", Shape.of(1, 28, 28), image), null);
            return ig;
        }
    }

    /** Grad-CAM of the predicted class at the split of a model saved as two TorchScript files. */
    public static Attribution gradCam(Path features, Path head, float[] image) {
        ModelOptions options = ModelOptions.withShape(Shape.of(1, 28, 28));
        try (TorchScriptModel split = Models.loadSplit(features, head, options)) {
            return ClassActivationMap.gradCam(split, TorchScriptModel.SPLIT_LAYER, true, Upsampling.BILINEAR)
                    .explain(image, Target.PREDICTED);
        }
    }

    /** Runs the example: {@code java ... ExplainImageModel MODEL.pt FEATURES.pt HEAD.pt OUT_DIR}. */
    public static void main(String[] args) {
        float[] image = new float[28 * 28];
        for (int i = 0; i < image.length; i++) {
            image[i] = (i / 28 + i % 28) % 7 / 6f;
        }
        Attribution ig = integratedGradients(Path.of(args[0]), image, Path.of(args[3]));
        Attribution cam = gradCam(Path.of(args[1]), Path.of(args[2]), image);
        System.out.printf("IG completeness delta %.2g; Grad-CAM over %s%n",
                ig.diagnostic(Diagnostic.COMPLETENESS_DELTA).orElseThrow(), List.of(cam.shape().dims()));
    }
}
