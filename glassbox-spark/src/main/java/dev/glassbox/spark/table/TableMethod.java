package dev.glassbox.spark.table;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.explain.Explainer;
import dev.glassbox.core.explain.catalogue.MethodCatalogue;
import dev.glassbox.core.explain.catalogue.MethodSettings;
import dev.glassbox.core.explain.grouping.FeatureGrouping;
import dev.glassbox.core.explain.grouping.Segmenter;
import dev.glassbox.core.explain.perturb.Background;
import dev.glassbox.core.model.Model;
import java.io.Serializable;
import java.util.List;

/**
 * How to explain each row of a table: the method, its sample budget, the background rows that masked features take
 * their values from (with weights when they summarise a larger background), and whether softmax probabilities are
 * explained instead of raw scores. It is a small serialisable
 * value, shipped once to every executor; {@link #explainer} builds the row's explainer from the method catalogue
 * ({@link MethodCatalogue#standard()}) with the row's own seed, one thread per row (Spark runs the rows in parallel).
 *
 * <p>Any method of the catalogue that the model supports works: the perturbation methods on any {@link Model}
 * ({@code ablation}: each column replaced by the background's average output, or by 0 without a background;
 * {@code kernel-shap}, {@code lime} (tabular, quartile discretisation of the background), {@code shapley-sampling},
 * {@code shapley-exact}, ...), the gradient methods on models with gradients (TorchScript, imported ONNX): {@code ig}
 * (zero baseline), {@code saliency} (signed), {@code ixg}, ... For a model of images (inputs of rank above 1) every
 * element is its own feature.
 *
 * @param name the method, as named in the catalogue and on the command line
 * @param samples coalitions, permutations, LIME samples or IG steps; 0 for the method's default
 * @param background rows masked features take their values from (already summarised), or an empty array
 * @param weights one positive weight per background row (as {@link Background#summarize} gives them), or {@code null}
 *     for equal weights
 * @param probabilities whether softmax probabilities are explained when the model outputs logits
 */
public record TableMethod(String name, int samples, float[][] background, double[] weights, boolean probabilities)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    public TableMethod {
        if (weights != null) {
            new Background(background, weights);  // the same checks as the explainer's, before any work
        }
        name = MethodCatalogue.standard().require(name).name();
        if (samples < 0) {
            throw new InvalidInputException("the sample count must be 0 (the method's default) or positive, was "
                    + samples);
        }
        if (name.equals("lime") && background.length == 0) {
            throw new InvalidInputException("lime on tables needs background rows (--background FILE) for its "
                    + "quartile discretisation");
        }
    }

    /** A method whose background rows weigh the same. */
    public TableMethod(String name, int samples, float[][] background, boolean probabilities) {
        this(name, samples, background, null, probabilities);
    }

    /**
     * A method whose background is {@code rows} summarised once to {@code k} weighted k-means centres
     * ({@link Background#summarize}, seeded), as shap's {@code kmeans} does for its Kernel explainer.
     */
    public static TableMethod summarised(String name, int samples, float[][] rows, int k, long seed,
            boolean probabilities) {
        Background centres = Background.summarize(rows, k, seed);
        return new TableMethod(name, samples, centres.rows(), centres.weights(), probabilities);
    }

    /** The explainer of one row: {@code seed} is the row's seed ({@link RowSeeds#of}). */
    public Explainer explainer(Model model, long seed, List<String> columns) {
        MethodSettings.Builder settings = MethodSettings.builder().seed(seed).threads(1).probabilities(probabilities);
        if (samples > 0) {
            settings.samples(samples).steps(samples);
        }
        if (background.length > 0) {
            settings.background(background);
        }
        if (weights != null) {
            settings.removal(new Background(background, weights));
        }
        if (model.inputShape().rank() == 1) {
            settings.columns(columns);
        } else {
            settings.segmenter(Segmenter.fixed(FeatureGrouping.elements(model.inputShape())));
        }
        return MethodCatalogue.standard().create(name, model, settings.build());
    }
}
