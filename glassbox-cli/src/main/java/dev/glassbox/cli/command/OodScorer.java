package dev.glassbox.cli.command;

import dev.glassbox.core.model.Model;
import dev.glassbox.core.uncertainty.OodScores;
import dev.glassbox.core.uncertainty.Probabilities;
import dev.glassbox.core.uncertainty.StochasticPredictions;
import dev.glassbox.djl.uncertainty.ReconstructionError;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** Named out-of-distribution scores (higher = more likely out of distribution) of a batch of inputs. */
@FunctionalInterface
public interface OodScorer {
    /** Each score's value per input, by score name, in a stable order. */
    Map<String, double[]> scores(float[][] rows);

    /** This scorer's scores followed by {@code other}'s. */
    default OodScorer and(OodScorer other) {
        return rows -> {
            Map<String, double[]> all = new LinkedHashMap<>(scores(rows));
            all.putAll(other.scores(rows));
            return all;
        };
    }

    /** One minus the top probability, and the entropy, of a predictive distribution. */
    static Map<String, double[]> confidence(double[][] probabilities) {
        Map<String, double[]> scores = new LinkedHashMap<>();
        scores.put("max-softmax", OodScores.maxSoftmax(probabilities));
        scores.put("entropy", OodScores.entropy(probabilities));
        return scores;
    }

    /** The confidence scores of a model's own softmax. */
    static OodScorer softmaxOf(Model model) {
        return rows -> confidence(Probabilities.softmax(model.predict(rows)));
    }

    /**
     * The scores of stochastic predictions: the confidence scores of their mean, their mutual information and member
     * variance, each name after {@code prefix}.
     */
    static Map<String, double[]> stochastic(String prefix, StochasticPredictions predictions) {
        Map<String, double[]> scores = new LinkedHashMap<>();
        confidence(predictions.mean()).forEach((name, values) -> scores.put(prefix + name, values));
        scores.put(prefix + "mutual information", OodScores.mutualInformation(predictions));
        scores.put(prefix + "member variance", OodScores.memberVariance(predictions));
        return scores;
    }

    /** The scores of the stochastic predictions {@code predict} makes of the inputs. */
    static OodScorer stochastic(String prefix, Function<float[][], StochasticPredictions> predict) {
        return rows -> stochastic(prefix, predict.apply(rows));
    }

    /** An autoencoder's reconstruction error. */
    static OodScorer reconstruction(Model autoencoder) {
        return rows -> Map.of("reconstruction error", ReconstructionError.scores(autoencoder, rows));
    }
}
