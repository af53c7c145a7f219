package dev.glassbox.core.faithfulness;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.Progress;
import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.explain.Explainer;
import dev.glassbox.core.explain.RandomAttribution;
import dev.glassbox.core.model.Batches;
import dev.glassbox.core.model.Model;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every faithfulness measure for several explainers of one model on the same inputs and classes, with a
 * {@link RandomAttribution} of the same seed as the baseline a method must beat: deletion and insertion curves
 * (always), infidelity and max-sensitivity (when configured).
 */
public final class FaithfulnessCheck {
    /** The name of the random baseline in results. */
    public static final String RANDOM = "random";

    private final Model model;
    private final Map<String, Explainer> explainers;
    private final PerturbationCurves curves;
    private final Infidelity infidelity;
    private final MaxSensitivity sensitivity;

    private FaithfulnessCheck(Builder b) {
        this.model = b.model;
        this.explainers = new LinkedHashMap<>(b.explainers);
        this.explainers.put(RANDOM, new RandomAttribution(b.model, b.seed));
        this.curves = b.curves;
        this.infidelity = b.infidelity;
        this.sensitivity = b.sensitivity;
    }

    /** Starts a check of the named explainers of {@code model}. */
    public static Builder of(Model model, Map<String, Explainer> explainers) {
        return new Builder(model, explainers);
    }

    /** Measures every method, the random baseline last, on each input for its class. */
    public FaithfulnessResult run(float[][] inputs, int[] targets, Progress progress) {
        Batches.requireValid(inputs, model.inputShape());
        Map<String, FaithfulnessResult.Scores> out = new LinkedHashMap<>();
        int done = 0;
        for (Map.Entry<String, Explainer> entry : explainers.entrySet()) {
            List<Attribution> maps = entry.getValue().explain(inputs, targets);
            int n = inputs.length;
            PerturbationCurves.Curve[] deletion = new PerturbationCurves.Curve[n];
            PerturbationCurves.Curve[] insertion = new PerturbationCurves.Curve[n];
            double[] infidelities = infidelity == null ? null : new double[n];
            double[] sensitivities = sensitivity == null ? null : new double[n];
            for (int i = 0; i < n; i++) {
                deletion[i] = curves.deletion(inputs[i], maps.get(i));
                insertion[i] = curves.insertion(inputs[i], maps.get(i));
                if (infidelities != null) {
                    infidelities[i] = infidelity.of(inputs[i], maps.get(i));
                }
                if (sensitivities != null) {
                    sensitivities[i] = sensitivity.of(entry.getValue(), inputs[i], model.inputShape(), targets[i]);
                }
            }
            out.put(entry.getKey(), new FaithfulnessResult.Scores(List.of(deletion), List.of(insertion), infidelities,
                    sensitivities));
            progress.update("faithfulness", ++done, explainers.size());
        }
        return new FaithfulnessResult(out);
    }

    /** Settings of the check. */
    public static final class Builder {
        private final Model model;
        private final Map<String, Explainer> explainers;
        private PerturbationCurves curves;
        private Infidelity infidelity;
        private MaxSensitivity sensitivity;
        private long seed;

        private Builder(Model model, Map<String, Explainer> explainers) {
            if (explainers.isEmpty() || explainers.containsKey(RANDOM)) {
                throw new InvalidInputException("a faithfulness check needs at least one method, none named '"
                        + RANDOM + "' (the baseline's name)");
            }
            this.model = model;
            this.explainers = explainers;
            this.curves = PerturbationCurves.of(model).build();
        }

        /** The deletion and insertion curves (default: {@link PerturbationCurves}' defaults). */
        public Builder curves(PerturbationCurves value) {
            curves = value;
            return this;
        }

        /** Also estimate infidelity this way (default: not estimated). */
        public Builder infidelity(Infidelity value) {
            infidelity = value;
            return this;
        }

        /** Also measure max-sensitivity this way (default: not measured). */
        public Builder sensitivity(MaxSensitivity value) {
            sensitivity = value;
            return this;
        }

        /** The seed of the random baseline (default 0). */
        public Builder seed(long value) {
            seed = value;
            return this;
        }

        /** The check. */
        public FaithfulnessCheck build() {
            return new FaithfulnessCheck(this);
        }
    }
}
