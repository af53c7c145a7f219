package dev.glassbox.core.explain.perturb;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.explain.Explainer;
import dev.glassbox.core.explain.grouping.FeatureGrouping;
import dev.glassbox.core.explain.grouping.WindowGrouping;
import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.Shape;
import dev.glassbox.core.model.Target;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Occlusion with Captum's semantics and numbers: a window slides over the input ({@link WindowGrouping}); for each
 * position the window's elements are replaced by the baseline and the drop {@code f(x) − f(x with window masked)} is
 * credited to them; each element's attribution is the mean drop over the windows that cover it.
 */
public final class Occlusion implements Explainer {
    private final WindowGrouping windows;
    private final PerturbationExplainer ablation;

    private Occlusion(Builder b) {
        if (b.window == null) {
            throw new InvalidInputException("occlusion needs a window shape");
        }
        int[] strides = b.strides;
        if (strides == null) {
            strides = new int[b.window.length];
            Arrays.fill(strides, 1);
        }
        this.windows = FeatureGrouping.windows(b.model.inputShape(), b.window, strides);
        this.ablation = PerturbationExplainer.builder(b.model, FeatureAblation.occlusion())
                .grouping(windows)
                .baseline(b.baseline)
                .execution(b.execution)
                .probabilities(b.probabilities)
                .build();
    }

    /** A builder for occlusion on {@code model}; the window shape is required, strides default to 1. */
    public static Builder builder(Model model) {
        return new Builder(model);
    }

    @Override
    public Attribution explain(float[] input, Target target) {
        Attribution perWindow = ablation.explain(input, target);
        Shape shape = windows.inputShape();
        Map<String, Object> params = new HashMap<>(perWindow.params());
        params.remove("grouping");
        params.put("window", Arrays.stream(windows.window()).boxed().toList());
        params.put("strides", Arrays.stream(windows.strides()).boxed().toList());
        Map<String, Double> diagnostics = new HashMap<>(perWindow.diagnostics());
        diagnostics.put("windows", (double) windows.groupCount());
        return new Attribution("occlusion", perWindow.target(), shape, windows.expand(perWindow.values()), List.of(),
                params, diagnostics);
    }

    /** Settings for {@link Occlusion}. */
    public static final class Builder {
        private final Model model;
        private int[] window;
        private int[] strides;
        private Baseline baseline = Baseline.constant(0f);
        private Execution execution = Execution.defaults();
        private boolean probabilities;

        private Builder(Model model) {
            this.model = model;
        }

        /** The window shape, for all input axes or for the trailing ones (leading axes are then spanned whole). */
        public Builder window(int... window) {
            this.window = window.clone();
            return this;
        }

        /** The step between windows, one per window axis (default 1). */
        public Builder strides(int... strides) {
            this.strides = strides.clone();
            return this;
        }

        /** What occluded elements are replaced with (default: the constant 0). */
        public Builder baseline(Baseline baseline) {
            this.baseline = baseline;
            return this;
        }

        /** Chunking, threads and progress of model evaluations. */
        public Builder execution(Execution execution) {
            this.execution = execution;
            return this;
        }

        /** Explain softmax probabilities instead of raw scores when the model outputs logits. */
        public Builder probabilities(boolean probabilities) {
            this.probabilities = probabilities;
            return this;
        }

        public Occlusion build() {
            return new Occlusion(this);
        }
    }
}
