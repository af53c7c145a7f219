package dev.glassbox.djl.inspect;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.Progress;
import dev.glassbox.core.inspect.ConceptActivationVector;
import dev.glassbox.core.inspect.StudentTTest;
import dev.glassbox.core.inspect.TcavScore;
import dev.glassbox.djl.LayeredModel;
import dev.glassbox.djl.OutputWeighting;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Testing with concept activation vectors (TCAV, Kim et al. 2018) with its significance test. For each layer, concept
 * and run i = 1…R, a CAV is trained between the concept's activations and random set i ({@link
 * ConceptActivationVector}, held-out accuracy kept), and the class's TCAV score is the share of its inputs whose
 * logit gradient at the layer points along the CAV ({@link TcavScore}). The baseline takes random set i − 1 in the
 * concept's place in run i, giving R random-versus-random scores from R different pairs of sets (TCAV's reference
 * implementation keeps one random set in the concept's place, which ties all its baseline scores to that one set's
 * quirks); a two-sided Student t-test ({@link StudentTTest}) compares the concept's R scores with them, and a result is
 * significant when p &lt; α / (concepts × layers) (Bonferroni). So R runs need R + 1 random sets. Gradients are taken once per layer and activations once per set and layer; the
 * CAV splits are seeded (run i uses seed + i), so the same seed gives the same scores.
 */
public final class Tcav {
    private final LayeredModel model;
    private final List<String> layers;
    private final int runs;
    private final double alpha;
    private final double heldOutShare;
    private final double regularisation;
    private final long seed;

    private Tcav(Builder b) {
        this.model = b.model;
        this.layers = List.copyOf(b.layers);
        this.runs = b.runs;
        this.alpha = b.alpha;
        this.heldOutShare = b.heldOutShare;
        this.regularisation = b.regularisation;
        this.seed = b.seed;
    }

    /** A builder for TCAV on {@code model}. */
    public static Builder of(LayeredModel model) {
        return new Builder(model);
    }

    /** TCAV's settings. */
    public static final class Builder {
        private final LayeredModel model;
        private List<String> layers = List.of();
        private int runs = 10;
        private double alpha = 0.05;
        private double heldOutShare = ConceptActivationVector.DEFAULT_HELD_OUT;
        private double regularisation = 1;
        private long seed = 0;

        private Builder(LayeredModel model) {
            this.model = model;
        }

        /** The layers to test at (at least one). */
        public Builder layers(List<String> names) {
            this.layers = names;
            return this;
        }

        /** Runs against different random sets (default 10, at least 2 for the t-test). */
        public Builder runs(int count) {
            this.runs = count;
            return this;
        }

        /** The family-wise significance level before the Bonferroni correction (default 0.05). */
        public Builder alpha(double level) {
            this.alpha = level;
            return this;
        }

        /** The share of each set held out to measure a CAV's accuracy (default 0.33). */
        public Builder heldOutShare(double share) {
            this.heldOutShare = share;
            return this;
        }

        /** The CAV classifier's inverse regularisation strength C (default 1). */
        public Builder regularisation(double c) {
            this.regularisation = c;
            return this;
        }

        /** The seed of the CAVs' train/held-out splits (default 0). */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /** The configured method. */
        public Tcav build() {
            if (layers.isEmpty()) {
                throw new InvalidInputException("TCAV needs at least one layer");
            }
            if (runs < 2) {
                throw new InvalidInputException("TCAV's t-test needs at least 2 runs, got " + runs);
            }
            if (!(alpha > 0 && alpha < 1)) {
                throw new InvalidInputException("the significance level must lie in (0, 1), got " + alpha);
            }
            return new Tcav(this);
        }
    }

    /**
     * One concept at one layer.
     *
     * @param concept the concept's name
     * @param layer the layer
     * @param scores the TCAV score of each run
     * @param magnitudes the magnitude score of each run
     * @param cavAccuracies each run's CAV accuracy on held-out examples
     * @param mean the mean score
     * @param sd the scores' sample standard deviation
     * @param meanMagnitude the mean magnitude score
     * @param t the t statistic against the random-versus-random scores
     * @param pValue the two-sided p-value
     * @param significant whether p is below the Bonferroni-corrected level
     */
    public record Entry(String concept, String layer, double[] scores, double[] magnitudes, double[] cavAccuracies,
            double mean, double sd, double meanMagnitude, double t, double pValue, boolean significant) {
    }

    /**
     * The random-versus-random baseline at one layer.
     *
     * @param layer the layer
     * @param scores the score of each run (random set i − 1 against random set i)
     * @param cavAccuracies each run's CAV accuracy on held-out examples
     * @param mean the mean score
     * @param sd the sample standard deviation
     */
    public record Baseline(String layer, double[] scores, double[] cavAccuracies, double mean, double sd) {
    }

    /**
     * TCAV's outcome for one class.
     *
     * @param targetClass the class whose logit is differentiated
     * @param inputs how many inputs of the class were scored
     * @param runs the runs per concept and layer
     * @param alpha the family-wise significance level
     * @param threshold the corrected per-test level α / (concepts × layers)
     * @param seed the seed
     * @param entries one per concept and layer, concept by concept
     * @param baselines one per layer
     */
    public record Result(int targetClass, int inputs, int runs, double alpha, double threshold, long seed,
            List<Entry> entries, List<Baseline> baselines) {
    }

    /**
     * Runs TCAV.
     *
     * @param classInputs inputs of the class (model rows)
     * @param targetClass the output index whose gradient is taken
     * @param concepts each concept's examples (model rows), in the order to report
     * @param randomSets at least runs + 1 random sets of examples
     * @param progress told of each pass and CAV
     */
    public Result run(float[][] classInputs, int targetClass, Map<String, float[][]> concepts,
            List<float[][]> randomSets, Progress progress) {
        check(classInputs, targetClass, concepts, randomSets);
        double threshold = alpha / (concepts.size() * layers.size());
        int[] classes = new int[classInputs.length];
        Arrays.fill(classes, targetClass);
        long total = (long) layers.size() * (1 + concepts.size() + runs + 1 + (long) (concepts.size() + 1) * runs);
        long[] done = {0};
        List<Entry> entries = new ArrayList<>();
        List<Baseline> baselines = new ArrayList<>();
        Map<String, Map<String, Entry>> byConcept = new LinkedHashMap<>();
        for (String layer : layers) {
            float[][] gradients = model.layerGradient(classInputs, layer, OutputWeighting.classes(classes)).gradients();
            progress.update("tcav", ++done[0], total);
            List<float[][]> random = new ArrayList<>();
            for (int i = 0; i <= runs; i++) {
                random.add(activations(randomSets.get(i), layer));
                progress.update("tcav", ++done[0], total);
            }
            Runs baseline = runs(i -> random.get(i - 1), random, gradients, progress, done, total);
            baselines.add(new Baseline(layer, baseline.scores, baseline.accuracies, mean(baseline.scores),
                    sd(baseline.scores)));
            for (Map.Entry<String, float[][]> concept : concepts.entrySet()) {
                float[][] conceptActivations = activations(concept.getValue(), layer);
                progress.update("tcav", ++done[0], total);
                Runs scored = runs(i -> conceptActivations, random, gradients, progress, done, total);
                StudentTTest.Result test = StudentTTest.twoSided(scored.scores, baseline.scores);
                byConcept.computeIfAbsent(concept.getKey(), k -> new LinkedHashMap<>()).put(layer,
                        new Entry(concept.getKey(), layer, scored.scores, scored.magnitudes, scored.accuracies,
                                mean(scored.scores), sd(scored.scores), mean(scored.magnitudes), test.t(),
                                test.pValue(), test.pValue() < threshold));
            }
        }
        byConcept.values().forEach(perLayer -> entries.addAll(perLayer.values()));
        return new Result(targetClass, classInputs.length, runs, alpha, threshold, seed, entries, baselines);
    }

    /** Scores of runs i = 1…R: CAVs between {@code positives(i)} and random set i. */
    private Runs runs(IntFunction<float[][]> positives, List<float[][]> random, float[][] gradients,
            Progress progress, long[] done, long total) {
        Runs out = new Runs(new double[runs], new double[runs], new double[runs]);
        for (int i = 1; i <= runs; i++) {
            ConceptActivationVector cav = ConceptActivationVector.train(positives.apply(i), random.get(i), heldOutShare,
                    regularisation, seed + i);
            TcavScore score = TcavScore.of(gradients, cav);
            out.scores[i - 1] = score.score();
            out.magnitudes[i - 1] = score.magnitude();
            out.accuracies[i - 1] = cav.heldOutAccuracy();
            progress.update("tcav", ++done[0], total);
        }
        return out;
    }

    private record Runs(double[] scores, double[] magnitudes, double[] accuracies) {
    }

    private float[][] activations(float[][] rows, String layer) {
        return model.activations(rows, layer);
    }

    private void check(float[][] classInputs, int targetClass, Map<String, float[][]> concepts,
            List<float[][]> randomSets) {
        if (classInputs.length == 0) {
            throw new InvalidInputException("TCAV needs at least one input of the class to score");
        }
        if (targetClass < 0 || targetClass >= model.outputSize()) {
            throw new InvalidInputException("class " + targetClass + " is out of range: the model has "
                    + model.outputSize() + " outputs (0 to " + (model.outputSize() - 1) + ")");
        }
        if (concepts.isEmpty()) {
            throw new InvalidInputException("TCAV needs at least one concept");
        }
        if (randomSets.size() < runs + 1) {
            throw new InvalidInputException("TCAV with " + runs + " runs needs " + (runs + 1) + " random sets (one per "
                    + "run, plus one more for the random-versus-random baseline's pairs), got "
                    + randomSets.size());
        }
        concepts.forEach((name, rows) -> requireExamples("concept '" + name + "'", rows));
        for (int i = 0; i <= runs; i++) {
            requireExamples("random set " + i, randomSets.get(i));
        }
    }

    private static void requireExamples(String what, float[][] rows) {
        if (rows.length < 2) {
            throw new InvalidInputException(what + " has " + rows.length + " example(s): a CAV needs at least two "
                    + "(one to train on, one to hold out)");
        }
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElseThrow();
    }

    private static double sd(double[] values) {
        double m = mean(values);
        double sum = 0;
        for (double v : values) {
            sum += (v - m) * (v - m);
        }
        return Math.sqrt(sum / (values.length - 1));
    }
}
