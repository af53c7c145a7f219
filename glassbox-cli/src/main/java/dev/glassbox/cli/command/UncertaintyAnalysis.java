package dev.glassbox.cli.command;

import dev.glassbox.cli.report.UncertaintyReport;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.Progress;
import dev.glassbox.core.model.Model;
import dev.glassbox.core.uncertainty.Probabilities;
import dev.glassbox.core.uncertainty.StochasticPredictions;
import dev.glassbox.core.uncertainty.TemperatureScaling;
import dev.glassbox.djl.model.BlockModel;
import dev.glassbox.djl.uncertainty.BayesianPrediction;
import dev.glassbox.djl.uncertainty.DeepEnsemble;
import dev.glassbox.djl.uncertainty.McDropout;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs one uncertainty method on a model and data, and out-of-distribution sets beside them, into an
 * {@link UncertaintyReport}: the method's calibration and uncertainty on the data, and how well each of its scores
 * tells the data from each set.
 */
public final class UncertaintyAnalysis {
    /**
     * How a run draws and splits.
     *
     * @param samples stochastic passes, ensemble members aside (MC dropout passes, Bayesian weight draws)
     * @param seed the seed of every draw
     * @param fitShare the share of the labelled data temperature scaling is fitted on (the rest shows it)
     */
    public record Settings(int samples, long seed, double fitShare) {
        public Settings {
            if (samples < 2) {
                throw new InvalidInputException("--samples must be at least 2, was " + samples);
            }
            if (!(fitShare > 0 && fitShare < 1)) {
                throw new InvalidInputException("the share of data to fit on must be between 0 and 1, was " + fitShare);
            }
        }
    }

    private UncertaintyAnalysis() {
    }

    /**
     * Runs {@code method}.
     *
     * @param labels the data's labels, or {@code null} (temperature scaling needs them)
     * @param outOfDistribution named sets of inputs shaped like the data
     */
    public static void run(UncertaintyMethod method, Model model, float[][] data, int[] labels,
            Map<String, float[][]> outOfDistribution, Settings settings, UncertaintyReport out, Progress progress) {
        out.put("method", method.label());
        out.put("model", model.toString());
        out.put("samples", data.length);
        out.put("seed", settings.seed());
        switch (method) {
            case TEMPERATURE -> temperature(model, data, labels, outOfDistribution, settings, out);
            case AUTOENCODER -> {
                if (outOfDistribution.isEmpty()) {
                    throw new InvalidInputException("--method autoencoder scores out-of-distribution sets: give --ood");
                }
                OodScorer scorer = OodScorer.reconstruction(model);
                Map<String, double[]> inDistribution = scorer.scores(data);
                out.put("meanReconstructionError", Arrays.stream(inDistribution.values().iterator().next()).average()
                        .orElseThrow());
                compare(out, outOfDistribution, inDistribution, scorer);
            }
            default -> stochastic(method, model, data, labels, outOfDistribution, settings, out, progress);
        }
    }

    private static void temperature(Model model, float[][] data, int[] labels, Map<String, float[][]> ood,
            Settings settings, UncertaintyReport out) {
        if (labels == null) {
            throw new InvalidInputException("--method temperature fits on labelled data: give --labels");
        }
        requireLogits(model);
        int split = (int) Math.round(data.length * settings.fitShare());
        if (split < 1 || split >= data.length) {
            throw new InvalidInputException("temperature scaling needs samples to fit on and others to show it on; "
                    + data.length + " samples split at " + settings.fitShare() + " leave none on one side");
        }
        float[][] logits = model.predict(data);
        TemperatureScaling scaling = out.temperature(Arrays.copyOfRange(logits, 0, split),
                Arrays.copyOfRange(labels, 0, split), Arrays.copyOfRange(logits, split, logits.length),
                Arrays.copyOfRange(labels, split, labels.length));
        OodScorer scorer = rows -> OodScorer.confidence(scaling.probabilities(model.predict(rows)));
        compare(out, ood, scorer.scores(Arrays.copyOfRange(data, split, data.length)), scorer);
    }

    private static void stochastic(UncertaintyMethod method, Model model, float[][] data, int[] labels,
            Map<String, float[][]> ood, Settings settings, UncertaintyReport out, Progress progress) {
        Function<float[][], StochasticPredictions> predict = switch (method) {
            case MC_DROPOUT -> mcDropout(model, settings, progress);
            case BAYES -> {
                if (!(model instanceof BlockModel block)) {
                    throw new InvalidInputException("--method bayes needs a glassbox model folder with Bayesian layers "
                            + "(glassbox train bayes), got " + model);
                }
                yield rows -> BayesianPrediction.sample(block, rows, settings.samples(), settings.seed(), progress)
                        .probabilities();
            }
            case ENSEMBLE -> {
                if (!(model instanceof DeepEnsemble ensemble)) {
                    throw new InvalidInputException("--method ensemble needs an ensemble folder with an ensemble.json "
                            + "(glassbox train ensemble), got " + model);
                }
                yield ensemble::memberPredictions;
            }
            default -> throw new IllegalStateException("not a stochastic method: " + method);
        };
        StochasticPredictions predictions = predict.apply(data);
        double[][] single = method == UncertaintyMethod.ENSEMBLE ? predictions.probabilities()[0]
                : Probabilities.softmax(model.predict(data));
        out.stochastic(method.label(), predictions, single, labels);
        compare(out, ood, OodScorer.stochastic("", predictions), OodScorer.stochastic("", predict));
    }

    /** MC-dropout predictions of a model that returns logits. */
    public static Function<float[][], StochasticPredictions> mcDropout(Model model, Settings settings, Progress progress) {
        requireLogits(model);
        return rows -> McDropout.sample(model, rows, settings.samples(), settings.seed(), progress).probabilities();
    }

    /** Scores each set and reports how well each score separates it from the in-distribution scores. */
    public static void compare(UncertaintyReport out, Map<String, float[][]> ood, Map<String, double[]> inDistribution,
            OodScorer scorer) {
        if (ood.isEmpty()) {
            return;
        }
        Map<String, Map<String, double[]>> sets = new LinkedHashMap<>();
        ood.forEach((name, rows) -> sets.put(name, scorer.scores(rows)));
        out.ood(inDistribution, sets);
    }

    private static void requireLogits(Model model) {
        if (!model.outputsLogits()) {
            throw new InvalidInputException(model + " returns probabilities, not logits: this method needs logits");
        }
    }
}
