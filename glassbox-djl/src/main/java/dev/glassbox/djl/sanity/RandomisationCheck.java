package dev.glassbox.djl.sanity;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.Progress;
import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.explain.Explainer;
import dev.glassbox.core.math.Planes;
import dev.glassbox.core.math.Sobel;
import dev.glassbox.core.math.Vectors;
import dev.glassbox.core.metrics.SimilarityMetric;
import dev.glassbox.core.model.Batches;
import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.Shape;
import dev.glassbox.core.model.Target;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Model-parameter randomisation (Adebayo et al. 2018, Quantus's MPRT): the model's layers are re-drawn one after the
 * other (cascading, from the top layer down) or one at a time (independent), every explainer is rerun after each step
 * for the class the original model was explained for, and each map is compared with its original under every
 * {@link SimilarityMetric}. A method whose maps stay similar while the model is destroyed explains the input, not the
 * model. Each original map is also compared with the input's Sobel edge map, which no model made. The explainers must
 * explain {@code model} itself, whose weights change in place; the original weights are back when {@link #run}
 * returns, also when it fails.
 */
public final class RandomisationCheck {
    /** Which layers a step randomises. */
    public enum Mode {
        /** Step s randomises the first s layers of the order, cumulatively. */
        CASCADING,
        /** Step s randomises layer s of the order alone. */
        INDEPENDENT
    }

    private final Model model;
    private final Map<String, Explainer> explainers;
    private final Mode mode;
    private final List<String> layers;
    private final long seed;
    private final List<SimilarityMetric> metrics;

    private RandomisationCheck(Builder b) {
        this.model = b.model;
        this.explainers = new LinkedHashMap<>(b.explainers);
        this.mode = b.mode;
        this.layers = b.layers;
        this.seed = b.seed;
        this.metrics = b.metrics;
    }

    /** Starts a check of the named explainers, all of which explain {@code model}. */
    public static Builder of(Model model, Map<String, Explainer> explainers) {
        return new Builder(model, explainers);
    }

    /** Runs the check on a batch of inputs, explaining {@code target} as the original model resolves it. */
    public RandomisationResult run(float[][] inputs, Target target, Progress progress) {
        Batches.requireValid(inputs, model.inputShape());
        float[][] scores = model.predict(inputs);
        int[] targets = new int[inputs.length];
        int[] predicted = new int[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            targets[i] = target.resolve(scores[i]);
            predicted[i] = Vectors.argmax(scores[i]);
        }
        Map<String, List<List<Attribution>>> maps = new LinkedHashMap<>();
        explainers.keySet().forEach(name -> maps.put(name, new ArrayList<>()));
        List<String> order;
        double[] agreement;
        try (ParameterRandomisation randomisation = ParameterRandomisation.of(model)) {
            order = layers != null ? layers : topDown(randomisation.layers());
            randomisation.requireLayers(order);
            agreement = new double[order.size() + 1];
            agreement[0] = 1;
            explainAll(inputs, targets, maps);
            for (int s = 1; s <= order.size(); s++) {
                if (mode == Mode.INDEPENDENT) {
                    randomisation.restore();
                }
                randomisation.randomise(order.get(s - 1), seed);
                agreement[s] = agreement(model.predict(inputs), predicted);
                explainAll(inputs, targets, maps);
                progress.update("randomising layers", s, order.size());
            }
        }
        List<Attribution> edges = edges(inputs, targets);
        Map<String, Map<SimilarityMetric, double[][]>> similarity = new LinkedHashMap<>();
        Map<String, Map<SimilarityMetric, double[]>> edgeSimilarity = new LinkedHashMap<>();
        maps.forEach((method, steps) -> {
            Map<SimilarityMetric, double[][]> byMetric = new EnumMap<>(SimilarityMetric.class);
            Map<SimilarityMetric, double[]> toEdges = new EnumMap<>(SimilarityMetric.class);
            for (SimilarityMetric metric : metrics) {
                double[][] values = new double[steps.size()][];
                for (int s = 0; s < steps.size(); s++) {
                    values[s] = metric.each(steps.get(0), steps.get(s));
                }
                byMetric.put(metric, values);
                toEdges.put(metric, metric.each(steps.get(0), edges));
            }
            similarity.put(method, byMetric);
            edgeSimilarity.put(method, toEdges);
        });
        return new RandomisationResult(mode, List.copyOf(order), seed, targets, agreement, edges, maps, similarity,
                edgeSimilarity);
    }

    private void explainAll(float[][] inputs, int[] targets, Map<String, List<List<Attribution>>> maps) {
        explainers.forEach((name, explainer) -> maps.get(name).add(List.copyOf(explainer.explain(inputs, targets))));
    }

    private static List<String> topDown(List<String> forward) {
        List<String> out = new ArrayList<>(forward);
        java.util.Collections.reverse(out);
        return out;
    }

    private static double agreement(float[][] scores, int[] predicted) {
        int same = 0;
        for (int i = 0; i < scores.length; i++) {
            same += Vectors.argmax(scores[i]) == predicted[i] ? 1 : 0;
        }
        return same / (double) scores.length;
    }

    private List<Attribution> edges(float[][] inputs, int[] targets) {
        Shape shape = model.inputShape();
        int[] hw = Planes.heightWidth(shape);
        List<Attribution> out = new ArrayList<>(inputs.length);
        for (int i = 0; i < inputs.length; i++) {
            double[] edges = Sobel.magnitude(Planes.plane(inputs[i], shape), hw[0], hw[1]);
            float[] values = new float[edges.length];
            for (int j = 0; j < values.length; j++) {
                values[j] = (float) edges[j];
            }
            out.add(Attribution.of("edges", targets[i], Shape.of(1, hw[0], hw[1]), values, Map.of(), Map.of()));
        }
        return out;
    }

    /** Settings of the check. */
    public static final class Builder {
        private final Model model;
        private final Map<String, Explainer> explainers;
        private Mode mode = Mode.CASCADING;
        private List<String> layers;
        private long seed;
        private List<SimilarityMetric> metrics = List.of(SimilarityMetric.values());

        private Builder(Model model, Map<String, Explainer> explainers) {
            if (explainers.isEmpty()) {
                throw new InvalidInputException("a randomisation check needs at least one attribution method");
            }
            this.model = model;
            this.explainers = explainers;
        }

        /** Cascading (default) or independent randomisation. */
        public Builder mode(Mode value) {
            mode = value;
            return this;
        }

        /** The layers to randomise, in order (default: every layer holding parameters, from the top down). */
        public Builder layers(List<String> value) {
            if (value.isEmpty()) {
                throw new InvalidInputException("name at least one layer to randomise");
            }
            layers = List.copyOf(value);
            return this;
        }

        /** The seed of the re-drawn parameters (default 0). */
        public Builder seed(long value) {
            seed = value;
            return this;
        }

        /** The similarity metrics (default all). */
        public Builder metrics(List<SimilarityMetric> value) {
            if (value.isEmpty()) {
                throw new InvalidInputException("name at least one similarity metric");
            }
            metrics = List.copyOf(value);
            return this;
        }

        /** The check. */
        public RandomisationCheck build() {
            return new RandomisationCheck(this);
        }
    }
}
