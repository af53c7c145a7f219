package dev.glassbox.core.explain.perturb;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.explain.Explainer;
import dev.glassbox.core.explain.grouping.FeatureGrouping;
import dev.glassbox.core.model.Batches;
import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.Target;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * LIME for tabular data as the {@code lime} package's {@code LimeTabularExplainer} does it with quartile
 * discretisation ({@link QuartileDistribution}): each sample draws, per column, a bin (or category) with its training
 * frequency and a value in it; its interpretable features say which columns fall in the explained row's bin. Samples
 * are weighted by the kernel of their Euclidean distance in those features (default width {@code 0.75·√M}) and a
 * {@link Surrogate} (default: the ten best features) is fitted. Features are named by the explained row's conditions,
 * such as {@code 1.50 < petal width <= 2.30}.
 */
public final class LimeTabular implements Explainer {
    private final Model model;
    private final QuartileDistribution distribution;
    private final int columns;
    private final int samples;
    private final long seed;
    private final Surrogate surrogate;
    private final Execution execution;
    private final boolean probabilities;

    private LimeTabular(Builder b) {
        this.model = b.model;
        this.columns = b.names.size();
        this.distribution = new QuartileDistribution(b.training, b.names.toArray(String[]::new), b.categorical);
        this.samples = b.samples;
        this.seed = b.seed;
        this.surrogate = b.surrogate;
        this.execution = b.execution;
        this.probabilities = b.probabilities;
    }

    /** A builder for {@code model} with the training rows LIME samples from. */
    public static Builder builder(Model model, float[][] trainingRows) {
        return new Builder(model, trainingRows);
    }

    @Override
    public Attribution explain(float[] input, Target target) {
        Batches.requireValid(new float[][] {input}, model.inputShape());
        float[] x = input.clone();
        int index = target.resolve(model.predict(new float[][] {x})[0]);
        Readout readout = new Readout(index, probabilities && model.outputsLogits());

        SplittableRandom random = new SplittableRandom(seed);
        float[][] rows = new float[samples][columns];
        double[][] z = new double[samples][columns];
        rows[0] = x.clone();
        Arrays.fill(z[0], 1);
        for (int j = 0; j < columns; j++) {
            double own = distribution.category(j, x[j]);
            for (int i = 1; i < samples; i++) {
                double category = distribution.drawCategory(j, random);
                z[i][j] = category == own ? 1 : 0;
                rows[i][j] = (float) distribution.drawValue(j, category, random);
            }
        }
        Evaluator<float[]> evaluator = Evaluator.forModel(model, readout, execution, "lime");
        double[] y = evaluator.evaluate(samples, i -> rows[i]);
        double[] distances = new double[samples];
        for (int i = 0; i < samples; i++) {
            double differing = 0;
            for (int j = 0; j < columns; j++) {
                differing += 1 - z[i][j];
            }
            distances[i] = Math.sqrt(differing);
        }
        Surrogate.Fit fit = surrogate.fit(z, y, distances);

        List<String> conditions = new ArrayList<>(columns);
        for (int j = 0; j < columns; j++) {
            conditions.add(distribution.describe(j, x[j]));
        }
        Map<String, Object> params = new HashMap<>(surrogate.params());
        params.put("samples", samples);
        params.put("seed", seed);
        params.put("discretizer", "quartile");
        params.put("output", readout.kind());
        Estimate estimate = Estimate.of(fit.coefficients(), fit.diagnostics(y[0], samples));
        return estimate.toAttribution("lime", index, FeatureGrouping.columns(conditions), params,
                evaluator.evaluatedRows());
    }

    /** Settings for {@link LimeTabular}. */
    public static final class Builder {
        private final Model model;
        private final float[][] training;
        private List<String> names;
        private boolean[] categorical;
        private int samples = 5000;
        private long seed;
        private Surrogate surrogate;
        private Execution execution = Execution.defaults();
        private boolean probabilities;

        private Builder(Model model, float[][] trainingRows) {
            int m = model.inputShape().size();
            if (trainingRows == null || trainingRows.length == 0) {
                throw new InvalidInputException("tabular LIME samples from training data: give at least one training row");
            }
            Batches.requireValid(trainingRows, model.inputShape());
            this.model = model;
            this.training = trainingRows;
            List<String> defaults = new ArrayList<>(m);
            for (int j = 0; j < m; j++) {
                defaults.add("x[" + j + "]");
            }
            this.names = defaults;
            this.categorical = new boolean[m];
            this.surrogate = Surrogate.lime(0.75 * Math.sqrt(m)).withTopK(10);
        }

        /** Column names, one per model input (default {@code x[0]}, {@code x[1]}, …). */
        public Builder columns(List<String> columnNames) {
            if (columnNames.size() != names.size()) {
                throw new InvalidInputException(columnNames.size() + " column names given for a model with "
                        + names.size() + " inputs");
            }
            this.names = List.copyOf(columnNames);
            return this;
        }

        /** Columns whose values are categories, compared by equality rather than binned. */
        public Builder categorical(int... columnIndices) {
            boolean[] flags = new boolean[names.size()];
            for (int j : columnIndices) {
                if (j < 0 || j >= flags.length) {
                    throw new InvalidInputException("categorical column " + j + " does not exist: the model has "
                            + flags.length + " inputs");
                }
                flags[j] = true;
            }
            this.categorical = flags;
            return this;
        }

        /** The number of samples, the explained row included (default 5000). */
        public Builder samples(int samples) {
            if (samples < 2) {
                throw new InvalidInputException("LIME needs at least 2 samples, was " + samples);
            }
            this.samples = samples;
            return this;
        }

        /** The seed of all random draws. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The interpretable model (default: kernel width {@code 0.75·√M}, ten features, ridge penalty 1). */
        public Builder surrogate(Surrogate surrogate) {
            this.surrogate = surrogate;
            return this;
        }

        /** Shorthand for keeping at most {@code k} features in the surrogate. */
        public Builder topK(int k) {
            this.surrogate = surrogate.withTopK(k);
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

        public LimeTabular build() {
            return new LimeTabular(this);
        }
    }
}
