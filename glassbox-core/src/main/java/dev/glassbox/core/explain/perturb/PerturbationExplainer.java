package dev.glassbox.core.explain.perturb;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.explain.Explainer;
import dev.glassbox.core.explain.grouping.FeatureGrouping;
import dev.glassbox.core.explain.grouping.Segmenter;
import dev.glassbox.core.model.Batches;
import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.Shape;
import dev.glassbox.core.model.Target;
import java.util.HashMap;
import java.util.Map;

/**
 * Explains any {@link Model} with a {@link CoalitionMethod}: each input is split into feature groups (a fixed grouping
 * or a {@link Segmenter}), masked groups take their values from a {@link Baseline}, and the method attributes the
 * target output to the groups. The attribution holds one value per group with the grouping, so {@link
 * Attribution#inputValues()} gives the input-shaped map (Captum's {@code feature_mask} semantics).
 *
 * <pre>{@code
 * Explainer shap = PerturbationExplainer.builder(model, KernelShap.builder().samples(2048).seed(7).build())
 *         .segmenter(Slic.builder().segments(50).build())
 *         .baseline(Background.summarize(trainingRows, 10, 7))
 *         .build();
 * }</pre>
 */
public final class PerturbationExplainer implements Explainer {
    private final Model model;
    private final CoalitionMethod method;
    private final Segmenter segmenter;
    private final Baseline baseline;
    private final Execution execution;
    private final boolean probabilities;

    private PerturbationExplainer(Builder b) {
        this.model = b.model;
        this.method = b.method;
        this.segmenter = b.segmenter == null ? Segmenter.fixed(FeatureGrouping.elements(b.model.inputShape())) : b.segmenter;
        this.baseline = b.baseline;
        this.execution = b.execution;
        this.probabilities = b.probabilities;
    }

    /** A builder for {@code method} on {@code model}: every element its own feature, masked to 0, by default. */
    public static Builder builder(Model model, CoalitionMethod method) {
        return new Builder(model, method);
    }

    @Override
    public Attribution explain(float[] input, Target target) {
        Shape shape = model.inputShape();
        Batches.requireValid(new float[][] {input}, shape);
        float[] x = input.clone();
        FeatureGrouping grouping = segmenter.segment(x, shape);
        if (!grouping.inputShape().equals(shape)) {
            throw new InvalidInputException("the grouping is for inputs of shape " + grouping.inputShape()
                    + " but the model takes " + shape);
        }
        Background background = baseline.resolve(x, shape, grouping);
        int index = target.resolve(model.predict(new float[][] {x})[0]);
        Readout readout = new Readout(index, probabilities && model.outputsLogits());
        TensorGame game = new TensorGame(model, x, grouping, background, readout, execution, method.name());
        Estimate estimate = method.attribute(game);

        Map<String, Object> params = new HashMap<>(method.params());
        params.put("grouping", segmenter.toString());
        params.put("baseline", baseline.toString());
        params.put("output", readout.kind());
        return estimate.toAttribution(method.name(), index, grouping, params, game.evaluatedRows());
    }

    /** Settings for {@link PerturbationExplainer}. */
    public static final class Builder {
        private final Model model;
        private final CoalitionMethod method;
        private Segmenter segmenter;
        private Baseline baseline = Baseline.constant(0f);
        private Execution execution = Execution.defaults();
        private boolean probabilities;

        private Builder(Model model, CoalitionMethod method) {
            if (model == null || method == null) {
                throw new InvalidInputException("a perturbation explainer needs a model and a method");
            }
            this.model = model;
            this.method = method;
        }

        /** The same feature groups for every input (elements, pixels, columns, windows, user labels). */
        public Builder grouping(FeatureGrouping grouping) {
            this.segmenter = Segmenter.fixed(grouping);
            return this;
        }

        /** Feature groups computed per input, such as superpixels. */
        public Builder segmenter(Segmenter segmenter) {
            this.segmenter = segmenter;
            return this;
        }

        /** What masked groups are replaced with (default: the constant 0). */
        public Builder baseline(Baseline baseline) {
            this.baseline = baseline;
            return this;
        }

        /** Chunking, threads and progress of model evaluations. */
        public Builder execution(Execution execution) {
            this.execution = execution;
            return this;
        }

        /** Explain softmax probabilities instead of raw scores when the model outputs logits (default: scores). */
        public Builder probabilities(boolean probabilities) {
            this.probabilities = probabilities;
            return this;
        }

        public PerturbationExplainer build() {
            return new PerturbationExplainer(this);
        }
    }
}
