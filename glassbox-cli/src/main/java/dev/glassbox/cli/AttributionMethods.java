package dev.glassbox.cli;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.explain.Explainer;
import dev.glassbox.core.explain.path.Baseline;
import dev.glassbox.core.explain.path.IntegrationRule;
import dev.glassbox.core.input.ImageOptions;
import dev.glassbox.core.input.InputFiles;
import dev.glassbox.core.input.Sample;
import dev.glassbox.core.math.Upsampling;
import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.Shape;
import dev.glassbox.djl.DifferentiableModel;
import dev.glassbox.djl.GraphModel;
import dev.glassbox.djl.LayeredModel;
import dev.glassbox.djl.OnnxModel;
import dev.glassbox.djl.TorchScriptModel;
import dev.glassbox.djl.explain.ClassActivationMap;
import dev.glassbox.djl.explain.GuidedGradCam;
import dev.glassbox.djl.explain.IntegratedGradients;
import dev.glassbox.djl.explain.NoiseTunnel;
import dev.glassbox.djl.explain.RuleBasedAttribution;
import dev.glassbox.djl.explain.Saliency;
import dev.glassbox.djl.rules.DeepLiftRules;
import dev.glassbox.djl.rules.LrpPreset;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns a method name from the command line and the shared options into an explainer for a model. */
final class AttributionMethods {
    /** The gradient methods {@code glassbox explain} knows, in the order the help lists them. */
    static final List<String> GRADIENT_NAMES = List.of("saliency", "ixg", "smoothgrad", "smoothgrad-sq", "vargrad", "ig",
            "deeplift", "guided-backprop", "deconvnet", "lrp-0", "lrp-epsilon", "lrp-gamma", "lrp-alphabeta", "lrp-composite",
            "cam", "gradcam", "guided-gradcam", "extremal", "meaningful");

    private AttributionMethods() {
    }

    /** Explainers for each named method, keyed by the trimmed name, in the order given. */
    static Map<String, Explainer> createAll(List<String> methods, Model model, ExplainOptions options) {
        return createAll(methods, model, options, null);
    }

    /** Explainers for each named method; {@code columns} names tabular features or is {@code null}. */
    static Map<String, Explainer> createAll(List<String> methods, Model model, ExplainOptions options,
            List<String> columns) {
        Map<String, Explainer> out = new LinkedHashMap<>();
        for (String method : methods) {
            out.put(method.trim(), create(method, model, options, columns));
        }
        return out;
    }

    /** An explainer for an image or array input. */
    static Explainer create(String method, Model model, ExplainOptions options) {
        return create(method, model, options, null);
    }

    /** An explainer; {@code columns} names the features of tabular inputs, else {@code null}. */
    static Explainer create(String method, Model model, ExplainOptions options, List<String> columns) {
        String name = method.trim().toLowerCase(Locale.ROOT);
        if (PerturbationMethods.NAMES.contains(name)) {
            return PerturbationMethods.create(name, model, options, columns);
        }
        if (!GRADIENT_NAMES.contains(name)) {
            throw new InvalidInputException("unknown method '" + method + "': expected one of "
                    + String.join(", ", GRADIENT_NAMES) + ", " + String.join(", ", PerturbationMethods.NAMES));
        }
        DifferentiableModel differentiable = requireGradients(model, name);
        return switch (name) {
            case "saliency" -> Saliency.gradients(differentiable, options.abs);
            case "ixg" -> Saliency.timesInput(differentiable);
            case "smoothgrad", "smoothgrad-sq", "vargrad" -> NoiseTunnel
                    .around(model, Saliency.gradients(differentiable, false), "saliency")
                    .aggregation(switch (name) {
                        case "smoothgrad" -> NoiseTunnel.Aggregation.SMOOTHGRAD;
                        case "smoothgrad-sq" -> NoiseTunnel.Aggregation.SMOOTHGRAD_SQUARED;
                        default -> NoiseTunnel.Aggregation.VARGRAD;
                    })
                    .samples(options.samplesOr(50)).noise(options.noise).seed(options.seed).build();
            case "ig" -> IntegratedGradients.of(differentiable).steps(options.steps)
                    .rule(IntegrationRule.parse(options.rule)).baseline(baseline(options, model.inputShape()))
                    .memoryBudget(options.memoryBudgetMb << 20).build();
            case "deeplift" -> RuleBasedAttribution.deepLift(differentiable, baseline(options, model.inputShape()),
                    deepLiftRules(options.deepLiftRules));
            case "guided-backprop" -> RuleBasedAttribution.guidedBackprop(differentiable);
            case "deconvnet" -> RuleBasedAttribution.deconvnet(differentiable);
            case "lrp-0" -> RuleBasedAttribution.lrp(differentiable, LrpPreset.zero());
            case "lrp-epsilon" -> RuleBasedAttribution.lrp(differentiable, LrpPreset.epsilon(options.lrpEpsilon));
            case "lrp-gamma" -> RuleBasedAttribution.lrp(differentiable, LrpPreset.gamma(options.lrpGamma,
                    options.lrpEpsilon));
            case "lrp-alphabeta" -> RuleBasedAttribution.lrp(differentiable, LrpPreset.alphaBeta(options.lrpAlpha));
            case "lrp-composite" -> RuleBasedAttribution.lrp(differentiable, LrpPreset.composite(options.lrpEpsilon,
                    options.lrpGamma, options.lrpBounds.get(0), options.lrpBounds.get(1)));
            case "extremal", "meaningful" -> MaskMethods.create(name, differentiable, options);
            case "cam" -> ClassActivationMap.cam(layered(model, name), layer(model, options), options.relu,
                    upsampling(options, Upsampling.BILINEAR));
            case "gradcam" -> ClassActivationMap.gradCam(layered(model, name), layer(model, options), options.relu,
                    upsampling(options, Upsampling.BILINEAR));
            default -> {
                Upsampling upsampling = upsampling(options, Upsampling.NEAREST);
                yield new GuidedGradCam(layered(model, name), layer(model, options),
                        upsampling == null ? Upsampling.NEAREST : upsampling);
            }
        };
    }

    private static DifferentiableModel requireGradients(Model model, String method) {
        if (model instanceof DifferentiableModel differentiable) {
            return differentiable;
        }
        String why = model instanceof OnnxModel onnx && onnx.importFailure() != null ? " (" + onnx.importFailure() + ")"
                : "";
        throw new InvalidInputException(method + " needs gradients, but " + model + " runs forward only through ONNX "
                + "Runtime" + why + "; the perturbation methods work on it");
    }

    private static LayeredModel layered(Model model, String method) {
        if (model instanceof LayeredModel layered && !layered.layerNames().isEmpty()) {
            return layered;
        }
        throw new InvalidInputException(method + " needs a layer's activations: load an ONNX model, a DJL model, or a "
                + "TorchScript model split at a layer (--split, or --head FILE)");
    }

    /** The chosen layer, or the split of a split model, or the last layer with channels × height × width output. */
    private static String layer(Model model, ExplainOptions options) {
        if (options.layer != null) {
            return options.layer;
        }
        if (model instanceof GraphModel graph) {
            List<Map.Entry<String, Shape>> shapes = List.copyOf(graph.layerShapes().entrySet());
            for (int i = shapes.size() - 1; i >= 0; i--) {
                if (shapes.get(i).getValue().rank() == 3) {
                    return shapes.get(i).getKey();
                }
            }
            throw new InvalidInputException("the model has no layer with channels × height × width output for "
                    + "CAM/Grad-CAM; name one with --layer");
        }
        return TorchScriptModel.SPLIT_LAYER;
    }

    private static DeepLiftRules deepLiftRules(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "captum" -> DeepLiftRules.CAPTUM;
            case "exact" -> DeepLiftRules.EXACT;
            default -> throw new InvalidInputException("--deeplift-rules takes captum or exact, not '" + name + "'");
        };
    }

    /** The chosen upsampling ({@code none}: keep the layer's resolution), or the method's default. */
    private static Upsampling upsampling(ExplainOptions options, Upsampling byDefault) {
        if (options.upsample == null) {
            return byDefault;
        }
        return options.upsample.equalsIgnoreCase("none") ? null : Upsampling.parse(options.upsample);
    }

    private static Baseline baseline(ExplainOptions options, Shape shape) {
        return switch (options.baseline.toLowerCase(Locale.ROOT)) {
            case "zero" -> Baseline.zero();
            case "blur" -> Baseline.blurred(options.blurSigma);
            case "noise" -> Baseline.uniformNoise(0f, 1f, 1, options.seed);
            default -> {
                Path file = Path.of(options.baseline);
                List<float[]> references = InputFiles.read(file, shape, ImageOptions.defaults()).stream()
                        .map(Sample::values).toList();
                yield Baseline.of(references, file.getFileName().toString());
            }
        };
    }
}
