package dev.glassbox.djl.explain;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.explain.Explainer;
import dev.glassbox.core.explain.catalogue.CatalogueEntry;
import dev.glassbox.core.explain.catalogue.ExplainerFactory;
import dev.glassbox.core.explain.catalogue.MethodProvider;
import dev.glassbox.core.explain.catalogue.MethodSettings;
import dev.glassbox.core.explain.catalogue.Requirement;
import dev.glassbox.core.math.Upsampling;
import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.Shape;
import dev.glassbox.djl.model.Capabilities;
import dev.glassbox.djl.DifferentiableModel;
import dev.glassbox.djl.GraphModel;
import dev.glassbox.djl.model.TorchScriptModel;
import dev.glassbox.djl.explain.mask.ExtremalPerturbation;
import dev.glassbox.djl.explain.mask.MaskBuilder;
import dev.glassbox.djl.explain.mask.MeaningfulPerturbation;
import dev.glassbox.djl.rules.DeepLiftRules;
import dev.glassbox.djl.rules.LrpPreset;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The methods that need gradients: saliency, Gradient × Input, the noise tunnel, Integrated Gradients; the rule
 * methods (DeepLIFT, guided backprop, deconvnet, LRP); the layer methods (CAM, Grad-CAM, guided Grad-CAM); and the
 * mask methods (extremal and meaningful perturbations).
 */
public final class GradientMethods implements MethodProvider {
    private static final Set<Requirement> GRADIENTS = EnumSet.of(Requirement.GRADIENTS);
    private static final Set<Requirement> LAYER = EnumSet.of(Requirement.GRADIENTS, Requirement.LAYER);

    /** Registered through {@link java.util.ServiceLoader}. */
    public GradientMethods() {
    }

    @Override
    public List<CatalogueEntry> entries() {
        return List.of(
                gradient("saliency", "The gradient of the class score (absolute with the absolute setting)",
                        (m, s) -> Saliency.gradients(m, s.absolute())),
                gradient("ixg", "Gradient × Input", (m, s) -> Saliency.timesInput(m)),
                gradient("smoothgrad", "The gradient averaged over noisy copies of the input",
                        (m, s) -> noiseTunnel(m, s, NoiseTunnel.Aggregation.SMOOTHGRAD)),
                gradient("smoothgrad-sq", "The squared gradient averaged over noisy copies",
                        (m, s) -> noiseTunnel(m, s, NoiseTunnel.Aggregation.SMOOTHGRAD_SQUARED)),
                gradient("vargrad", "The gradient's variance over noisy copies",
                        (m, s) -> noiseTunnel(m, s, NoiseTunnel.Aggregation.VARGRAD)),
                gradient("ig", "Integrated Gradients from the reference input",
                        (m, s) -> IntegratedGradients.of(m).steps(s.steps()).rule(s.integrationRule())
                                .baseline(s.reference()).memoryBudget(s.memoryBudgetBytes()).build()),
                rules("deeplift", "DeepLIFT's rescale rule (Captum's rules, or the exact ones)",
                        (m, s) -> RuleBasedAttribution.deepLift(m, s.reference(), deepLiftRules(s.deepLiftRules()))),
                rules("guided-backprop", "Guided backpropagation", (m, s) -> RuleBasedAttribution.guidedBackprop(m)),
                rules("deconvnet", "Deconvnet", (m, s) -> RuleBasedAttribution.deconvnet(m)),
                rules("lrp-0", "Layer-wise relevance propagation, LRP-0",
                        (m, s) -> RuleBasedAttribution.lrp(m, LrpPreset.zero())),
                rules("lrp-epsilon", "LRP-ε", (m, s) -> RuleBasedAttribution.lrp(m, LrpPreset.epsilon(s.lrpEpsilon()))),
                rules("lrp-gamma", "LRP-γ",
                        (m, s) -> RuleBasedAttribution.lrp(m, LrpPreset.gamma(s.lrpGamma(), s.lrpEpsilon()))),
                rules("lrp-alphabeta", "LRP-αβ", (m, s) -> RuleBasedAttribution.lrp(m, LrpPreset.alphaBeta(s.lrpAlpha()))),
                rules("lrp-composite", "LRP: ε on dense layers, γ on convolutions, z^B on the first layer",
                        (m, s) -> RuleBasedAttribution.lrp(m, LrpPreset.composite(s.lrpEpsilon(), s.lrpGamma(),
                                s.lrpLow(), s.lrpHigh()))),
                layer("cam", "Class activation map at a layer", (model, s) -> ClassActivationMap.cam(
                        Capabilities.layered(model, "cam"), layer(model, s), s.relu(), upsampling(s, Upsampling.BILINEAR))),
                layer("gradcam", "Grad-CAM at a layer", (model, s) -> ClassActivationMap.gradCam(
                        Capabilities.layered(model, "gradcam"), layer(model, s), s.relu(),
                        upsampling(s, Upsampling.BILINEAR))),
                layer("guided-gradcam", "Guided backpropagation times Grad-CAM", (model, s) -> {
                    Upsampling upsampling = upsampling(s, Upsampling.NEAREST);
                    return new GuidedGradCam(Capabilities.layered(model, "guided-gradcam"), layer(model, s),
                            upsampling == null ? Upsampling.NEAREST : upsampling);
                }),
                mask("extremal", "Extremal perturbations: smooth masks of given areas that keep (or delete) the class",
                        (m, s) -> masked(ExtremalPerturbation.of(m).areas(s.areas())
                                .variant(ExtremalPerturbation.Variant.parse(s.maskVariant())), s).build()),
                mask("meaningful", "Meaningful perturbation: the smallest smooth deletion that removes the class",
                        (m, s) -> masked(MeaningfulPerturbation.of(m), s).build()));
    }

    private static CatalogueEntry gradient(String name, String description,
            BiFunction<DifferentiableModel, MethodSettings, Explainer> build) {
        return new CatalogueEntry(name, "gradient", description, GRADIENTS, differentiable(name, build));
    }

    private static CatalogueEntry rules(String name, String description,
            BiFunction<DifferentiableModel, MethodSettings, Explainer> build) {
        return new CatalogueEntry(name, "rules", description, GRADIENTS, differentiable(name, build));
    }

    private static CatalogueEntry mask(String name, String description,
            BiFunction<DifferentiableModel, MethodSettings, Explainer> build) {
        return new CatalogueEntry(name, "mask", description, GRADIENTS, differentiable(name, build));
    }

    /** A mask method's builder with the settings' perturbation and iterations applied. */
    private static <B extends MaskBuilder<B>> B masked(B builder, MethodSettings s) {
        if (s.maskPerturbation() != null) {
            builder.perturbation(s.maskPerturbation());
        }
        if (s.maskIterations() != null) {
            builder.iterations(s.maskIterations());
        }
        return builder;
    }

    private static CatalogueEntry layer(String name, String description, ExplainerFactory build) {
        return new CatalogueEntry(name, "layer", description, LAYER, build);
    }

    private static ExplainerFactory differentiable(String name,
            BiFunction<DifferentiableModel, MethodSettings, Explainer> build) {
        return (model, s) -> build.apply(Capabilities.differentiable(model, name), s);
    }

    private static Explainer noiseTunnel(DifferentiableModel model, MethodSettings s, NoiseTunnel.Aggregation how) {
        return NoiseTunnel.around(model, Saliency.gradients(model, false), "saliency").aggregation(how)
                .samples(s.samples() != null ? s.samples() : 50).noise(s.noise()).seed(s.seed())
                .memoryBudget(s.memoryBudgetBytes()).build();
    }

    /** The chosen layer, or the split of a split model, or the last layer with channels × height × width output. */
    private static String layer(Model model, MethodSettings s) {
        if (s.layer() != null) {
            return s.layer();
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

    /** The chosen upsampling, {@code null} to keep the layer's resolution, or the method's default. */
    private static Upsampling upsampling(MethodSettings s, Upsampling byDefault) {
        if (s.layerResolution()) {
            return null;
        }
        return s.upsampling() != null ? s.upsampling() : byDefault;
    }

    private static DeepLiftRules deepLiftRules(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "captum" -> DeepLiftRules.CAPTUM;
            case "exact" -> DeepLiftRules.EXACT;
            default -> throw new InvalidInputException("--deeplift-rules takes captum or exact, not '" + name + "'");
        };
    }
}
