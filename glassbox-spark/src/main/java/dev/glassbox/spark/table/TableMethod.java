package dev.glassbox.spark.table;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.explain.Explainer;
import dev.glassbox.core.explain.grouping.FeatureGrouping;
import dev.glassbox.core.explain.path.PathBaseline;
import dev.glassbox.core.explain.perturb.Background;
import dev.glassbox.core.explain.perturb.CoalitionMethod;
import dev.glassbox.core.explain.perturb.FeatureAblation;
import dev.glassbox.core.explain.perturb.KernelShap;
import dev.glassbox.core.explain.perturb.LimeTabular;
import dev.glassbox.core.explain.perturb.PerturbationExplainer;
import dev.glassbox.core.explain.perturb.ShapleyExact;
import dev.glassbox.core.explain.perturb.ShapleySampling;
import dev.glassbox.core.model.Model;
import dev.glassbox.djl.DifferentiableModel;
import dev.glassbox.djl.explain.IntegratedGradients;
import dev.glassbox.djl.explain.Saliency;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * How to explain each row of a table: the method, its sample budget, the background rows that masked features take
 * their values from, and whether softmax probabilities are explained instead of raw scores. It is a small serialisable
 * value, shipped once to every executor; {@link #explainer} builds the row's explainer with the row's own seed.
 *
 * <p>Perturbation methods work on any {@link Model}: {@code ablation} (each column replaced by the background's average
 * output, or by 0 without a background), {@code kernel-shap}, {@code lime} (tabular, quartile discretisation of the
 * background), {@code shapley-sampling} and {@code shapley-exact}. Gradient methods need a model with gradients
 * (TorchScript, imported ONNX): {@code ig} (zero baseline), {@code saliency} and {@code ixg}. For a model of images
 * (inputs of rank above 1) every element is its own feature.
 *
 * @param name the method, as named on the command line
 * @param samples coalitions, permutations, LIME samples or IG steps; 0 for the method's default
 * @param background rows masked features take their values from (already summarised), or an empty array
 * @param probabilities whether softmax probabilities are explained when the model outputs logits
 */
public record TableMethod(String name, int samples, float[][] background, boolean probabilities) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The methods, as named on the command line. */
    public static final List<String> NAMES = List.of("ablation", "kernel-shap", "lime", "shapley-sampling",
            "shapley-exact", "ig", "saliency", "ixg");

    public TableMethod {
        name = name.trim().toLowerCase(Locale.ROOT);
        if (!NAMES.contains(name)) {
            throw new InvalidInputException("unknown method '" + name + "' for tables: expected one of "
                    + String.join(", ", NAMES));
        }
        if (samples < 0) {
            throw new InvalidInputException("the sample count must be 0 (the method's default) or positive, was "
                    + samples);
        }
        if (name.equals("lime") && background.length == 0) {
            throw new InvalidInputException("lime on tables needs background rows (--background FILE) for its "
                    + "quartile discretisation");
        }
    }

    /** Whether the method draws random numbers, so that the row's seed matters. */
    public boolean random() {
        return name.equals("kernel-shap") || name.equals("lime") || name.equals("shapley-sampling");
    }

    /** The explainer of one row: {@code seed} is the row's seed ({@link RowSeeds#of}). */
    public Explainer explainer(Model model, long seed, List<String> columns) {
        switch (name) {
            case "lime":
                return LimeTabular.builder(model, background).columns(columns).samples(samplesOr(5000)).seed(seed)
                        .probabilities(probabilities).build();
            case "ig":
                return IntegratedGradients.of(gradients(model)).steps(samplesOr(50)).baseline(PathBaseline.zero()).build();
            case "saliency":
                return Saliency.gradients(gradients(model), false);
            case "ixg":
                return Saliency.timesInput(gradients(model));
            default:
                FeatureGrouping features = model.inputShape().rank() == 1 ? FeatureGrouping.columns(columns)
                        : FeatureGrouping.elements(model.inputShape());
                return PerturbationExplainer.builder(model, coalitions(seed)).grouping(features)
                        .baseline(background.length == 0 ? dev.glassbox.core.explain.perturb.Baseline.constant(0f)
                                : Background.of(background))
                        .probabilities(probabilities).build();
        }
    }

    private CoalitionMethod coalitions(long seed) {
        return switch (name) {
            case "ablation" -> FeatureAblation.ablation();
            case "kernel-shap" -> KernelShap.builder().samples(samples).seed(seed).build();
            case "shapley-sampling" -> ShapleySampling.builder().permutations(samplesOr(25)).seed(seed).build();
            default -> ShapleyExact.create();
        };
    }

    private int samplesOr(int byDefault) {
        return samples == 0 ? byDefault : samples;
    }

    private DifferentiableModel gradients(Model model) {
        if (model instanceof DifferentiableModel differentiable) {
            return differentiable;
        }
        throw new InvalidInputException(name + " needs gradients, but " + model + " runs forward only; the "
                + "perturbation methods (ablation, kernel-shap, lime, shapley-*) work on it");
    }
}
