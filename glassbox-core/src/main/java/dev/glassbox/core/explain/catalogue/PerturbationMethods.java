package dev.glassbox.core.explain.catalogue;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.explain.Explainer;
import dev.glassbox.core.explain.grouping.FeatureGrouping;
import dev.glassbox.core.explain.grouping.Segmenter;
import dev.glassbox.core.explain.grouping.Slic;
import dev.glassbox.core.explain.perturb.Background;
import dev.glassbox.core.explain.perturb.Baseline;
import dev.glassbox.core.explain.perturb.CoalitionMethod;
import dev.glassbox.core.explain.perturb.Execution;
import dev.glassbox.core.explain.perturb.FeatureAblation;
import dev.glassbox.core.explain.perturb.KernelShap;
import dev.glassbox.core.explain.perturb.Lime;
import dev.glassbox.core.explain.perturb.LimeTabular;
import dev.glassbox.core.explain.perturb.Occlusion;
import dev.glassbox.core.explain.perturb.PerturbationExplainer;
import dev.glassbox.core.explain.perturb.PredictionDifference;
import dev.glassbox.core.explain.perturb.ShapleyExact;
import dev.glassbox.core.explain.perturb.ShapleySampling;
import dev.glassbox.core.explain.perturb.Sis;
import dev.glassbox.core.model.Model;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The black-box methods, for any {@link Model}: occlusion, feature ablation, LIME, Kernel SHAP, exact and sampled
 * Shapley values, SIS and prediction difference analysis. Image inputs are split into windows or superpixels; tabular
 * inputs ({@link MethodSettings#columns()} set, or a model with {@link Model#featureNames()}) into their columns.
 */
public final class PerturbationMethods implements MethodProvider {
    private static final Set<Requirement> NOTHING = EnumSet.noneOf(Requirement.class);

    /** Registered through {@link java.util.ServiceLoader}. */
    public PerturbationMethods() {
    }

    @Override
    public List<CatalogueEntry> entries() {
        return List.of(
                new CatalogueEntry("occlusion", "perturbation", "Sliding windows replaced by the baseline (Captum's "
                        + "Occlusion)", NOTHING, PerturbationMethods::occlusion),
                coalition("ablation", "Each feature replaced by the baseline alone",
                        (s, model) -> FeatureAblation.ablation()),
                new CatalogueEntry("lime", "perturbation", "A weighted linear surrogate on random coalitions (tabular: "
                        + "quartile discretisation of the background)", NOTHING, PerturbationMethods::lime),
                coalition("kernel-shap", "Shapley values by the Shapley-kernel weighted regression",
                        (s, model) -> KernelShap.builder().samples(samples(s, 0)).seed(s.seed()).build()),
                coalition("shapley-sampling", "Shapley values averaged over random permutations, with standard errors",
                        (s, model) -> ShapleySampling.builder().permutations(samples(s, 25)).seed(s.seed()).build()),
                coalition("shapley-exact", "Exact Shapley values over every coalition of up to 20 features",
                        (s, model) -> ShapleyExact.create()),
                coalition("sis", "Sufficient input subsets: the smallest sets of features that keep the class",
                        (s, model) -> Sis.withThreshold(s.threshold())),
                new CatalogueEntry("pda", "perturbation", "Prediction difference analysis: windows marginalised over "
                        + "training images", EnumSet.of(Requirement.BACKGROUND), PerturbationMethods::predictionDifference));
    }

    /** The execution every perturbation method runs with: threads and memory budget. */
    private static Execution execution(MethodSettings s) {
        return Execution.defaults().withThreads(s.threads()).withBudgetBytes(s.memoryBudgetBytes());
    }

    /** The settings' column names, else the model's feature names, else {@code null} (not tabular). */
    private static List<String> columns(Model model, MethodSettings s) {
        if (s.columns() != null) {
            return s.columns();
        }
        return model.featureNames().isEmpty() ? null : model.featureNames();
    }

    private static int samples(MethodSettings s, int byDefault) {
        return s.samples() != null ? s.samples() : byDefault;
    }

    /** What replaces removed features: the settings' choice, else the background (summarised), else 0. */
    private static Baseline removal(MethodSettings s) {
        if (s.removal() != null) {
            return s.removal();
        }
        if (s.background() != null) {
            return s.kmeans() == null ? Background.of(s.background())
                    : Background.summarize(s.background(), s.kmeans(), s.seed());
        }
        return Baseline.constant(0f);
    }

    private static CatalogueEntry coalition(String name, String description,
            BiFunction<MethodSettings, Model, CoalitionMethod> method) {
        return new CatalogueEntry(name, "perturbation", description, NOTHING,
                (model, s) -> coalitionExplainer(name, method.apply(s, model), model, s));
    }

    /** A coalition method over the input's columns, or over superpixels of an image. */
    private static Explainer coalitionExplainer(String name, CoalitionMethod method, Model model, MethodSettings s) {
        // SIS's threshold is a probability: subsets are judged on softmax outputs whatever the settings say
        PerturbationExplainer.Builder builder = PerturbationExplainer.builder(model, method)
                .baseline(removal(s)).execution(execution(s))
                .probabilities(s.probabilities() || (name.equals("sis") && model.outputsLogits()));
        List<String> columns = columns(model, s);
        if (columns != null) {
            return builder.grouping(FeatureGrouping.columns(columns)).build();
        }
        Segmenter segmenter = s.segmenter() != null ? s.segmenter()
                : Slic.builder().segments(name.equals("shapley-exact") ? 10 : 40).build();
        return builder.segmenter(segmenter).build();
    }

    private static Explainer occlusion(Model model, MethodSettings s) {
        boolean tabular = columns(model, s) != null;
        int[] window = s.window() != null ? s.window() : tabular ? new int[] {1} : new int[] {4, 4};
        int[] strides = s.stride() != null ? s.stride() : halves(window);
        return Occlusion.builder(model).window(window).strides(strides).baseline(removal(s)).execution(execution(s))
                .probabilities(s.probabilities()).build();
    }

    private static Explainer lime(Model model, MethodSettings s) {
        List<String> columns = columns(model, s);
        if (columns == null) {
            return coalitionExplainer("lime", Lime.builder().samples(samples(s, 1000)).seed(s.seed()).build(), model, s);
        }
        if (s.background() == null) {
            throw new InvalidInputException("lime on tabular data needs a background (--background FILE): training rows "
                    + "for its quartile discretisation");
        }
        return LimeTabular.builder(model, s.background()).columns(columns).samples(samples(s, 5000)).seed(s.seed())
                .execution(execution(s)).probabilities(s.probabilities()).build();
    }

    private static Explainer predictionDifference(Model model, MethodSettings s) {
        if (s.background() == null) {
            throw new InvalidInputException("pda needs a background (--background FILE): training images (an IDX file, a "
                    + "Fashion-MNIST folder or .npy) that removed windows are sampled from");
        }
        PredictionDifference.Builder builder = PredictionDifference.builder(model)
                .window(s.window() != null ? s.window()[0] : 4).stride(s.stride() != null ? s.stride()[0] : 1)
                .padding(s.padding()).samples(samples(s, 10))
                .sampling(PredictionDifference.Sampling.parse(s.pdaSampling())).training(s.background())
                .seed(s.seed()).execution(execution(s));
        if (s.trainingCount() != null) {
            builder.trainingCount(s.trainingCount());
        }
        return builder.build();
    }

    private static int[] halves(int[] window) {
        int[] out = new int[window.length];
        for (int i = 0; i < window.length; i++) {
            out[i] = Math.max(1, window[i] / 2);
        }
        return out;
    }
}
