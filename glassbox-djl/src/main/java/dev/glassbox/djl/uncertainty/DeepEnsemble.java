package dev.glassbox.djl.uncertainty;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.math.Vectors;
import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.Shape;
import dev.glassbox.core.uncertainty.Probabilities;
import dev.glassbox.core.uncertainty.StochasticPredictions;
import java.util.List;

/**
 * A deep ensemble (Lakshminarayanan et al. 2017): members of one architecture trained from different seeds, whose
 * predictive distribution is the mean {@code p̄} of their class probabilities. As a {@link Model} its scores are
 * {@code log p̄}, floored at {@value #LOG_FLOOR}: they are logits whose softmax gives back {@code p̄}, so every metric
 * and explainer that reads logits sees the ensemble's distribution. {@link #memberPredictions} gives each member's
 * distribution for disagreement measures (mutual information, member variance). Closing the ensemble closes its
 * members.
 */
public final class DeepEnsemble implements Model {
    /** The lowest score returned: {@code log p̄} of classes no member gives any probability. */
    public static final double LOG_FLOOR = -100;

    private final List<Model> members;

    private DeepEnsemble(List<Model> members) {
        this.members = members;
    }

    /** An ensemble of at least one member; all take the same input shape and return the same number of classes. */
    public static DeepEnsemble of(List<? extends Model> members) {
        if (members.isEmpty()) {
            throw new InvalidInputException("an ensemble needs at least one member, got none");
        }
        Model first = members.get(0);
        for (Model member : members) {
            if (!member.inputShape().equals(first.inputShape()) || member.outputSize() != first.outputSize()) {
                throw new InvalidInputException("ensemble members differ: " + member + " takes " + member.inputShape()
                        + " and returns " + member.outputSize() + " classes, but " + first + " takes "
                        + first.inputShape() + " and returns " + first.outputSize());
            }
        }
        return new DeepEnsemble(List.copyOf(members));
    }

    /** The members, in order. */
    public List<Model> members() {
        return members;
    }

    @Override
    public Shape inputShape() {
        return members.get(0).inputShape();
    }

    @Override
    public int outputSize() {
        return members.get(0).outputSize();
    }

    @Override
    public List<String> outputNames() {
        return members.get(0).outputNames();
    }

    /** {@code log p̄} per sample and class, floored at {@value #LOG_FLOOR}. */
    @Override
    public float[][] predict(float[][] batch) {
        double[][] mean = memberPredictions(batch).mean();
        float[][] out = new float[mean.length][mean[0].length];
        for (int i = 0; i < mean.length; i++) {
            for (int k = 0; k < mean[i].length; k++) {
                out[i][k] = (float) Math.max(Math.log(mean[i][k]), LOG_FLOOR);
            }
        }
        return out;
    }

    /** Every member's class probabilities for the batch, {@code members × N × K}. */
    public StochasticPredictions memberPredictions(float[][] batch) {
        double[][][] probabilities = new double[members.size()][][];
        for (int m = 0; m < members.size(); m++) {
            Model member = members.get(m);
            float[][] scores = member.predict(batch);
            probabilities[m] = member.outputsLogits() ? Probabilities.softmax(scores) : toDouble(scores);
        }
        return new StochasticPredictions(probabilities);
    }

    private static double[][] toDouble(float[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = Vectors.toDouble(rows[i]);
        }
        return out;
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        for (Model member : members) {
            try {
                member.close();
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public String toString() {
        return "deep ensemble of " + members.size() + " × " + members.get(0);
    }
}
