package dev.glassbox.djl.uncertainty;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.Progress;
import dev.glassbox.core.input.Standardisation;
import dev.glassbox.core.uncertainty.RegressionUncertainty;
import dev.glassbox.djl.model.BlockModel;
import java.util.List;

/**
 * Mean–variance networks for regression trained with {@link GaussianNllLoss}: one network, or a deep ensemble of them
 * (Lakshminarayanan et al. 2017), on standardised inputs and targets. {@link #predict} combines the members by
 * moments: aleatoric variance the mean of their variances, epistemic the variance of their means (one member gives
 * none). {@link #mcDropout} samples each member's dropout layers instead (Gal and Ghahramani 2016; Kendall and Gal
 * 2017), pooling every pass of every member the same way. Predictions come back in the target's units. Closing it
 * closes the members.
 */
public final class HeteroscedasticRegressor implements AutoCloseable {
    private final List<BlockModel> members;
    private final Standardisation standardisation;

    /** Members taking the standardised inputs, each returning a mean and a raw variance output. */
    public HeteroscedasticRegressor(List<BlockModel> members, Standardisation standardisation) {
        if (members.isEmpty()) {
            throw new InvalidInputException("a regressor needs at least one network, got none");
        }
        for (BlockModel member : members) {
            if (member.outputSize() != 2) {
                throw new InvalidInputException(member + " returns " + member.outputSize() + " outputs, a mean–"
                        + "variance network returns 2 (the mean and the raw variance)");
            }
        }
        this.members = List.copyOf(members);
        this.standardisation = standardisation;
    }

    /** The networks, in order. */
    public List<BlockModel> members() {
        return members;
    }

    /** How inputs and targets are standardised for the networks. */
    public Standardisation standardisation() {
        return standardisation;
    }

    /** The members' combined prediction at each input row (epistemic variance 0 with one member). */
    public RegressionUncertainty predict(float[][] inputs) {
        float[][] x = standardisation.inputs(inputs);
        float[][][] outputs = new float[members.size()][][];
        for (int m = 0; m < members.size(); m++) {
            outputs[m] = members.get(m).predict(x);
        }
        return combine(outputs);
    }

    /** MC dropout: {@code passes} sampled passes of every member at each input row, pooled. */
    public RegressionUncertainty mcDropout(float[][] inputs, int passes, long seed, Progress progress) {
        float[][] x = standardisation.inputs(inputs);
        float[][][] outputs = new float[members.size() * passes][][];
        for (int m = 0; m < members.size(); m++) {
            float[][][] sampled = McDropout.sample(members.get(m), x, passes, seed + m, progress).scores();
            System.arraycopy(sampled, 0, outputs, m * passes, passes);
        }
        return combine(outputs);
    }

    /** Moment-matches Gaussians given as {@code T × N × 2} network outputs, in the target's units. */
    private RegressionUncertainty combine(float[][][] outputs) {
        int n = outputs[0].length;
        double[][] means = new double[outputs.length][n];
        double[][] variances = new double[outputs.length][n];
        for (int t = 0; t < outputs.length; t++) {
            for (int i = 0; i < n; i++) {
                means[t][i] = standardisation.mean(outputs[t][i][0]);
                variances[t][i] = standardisation.variance(GaussianNllLoss.variance(outputs[t][i][1]));
            }
        }
        return RegressionUncertainty.ofGaussianMembers(means, variances);
    }

    @Override
    public void close() {
        members.forEach(BlockModel::close);
    }

    @Override
    public String toString() {
        return "heteroscedastic regressor of " + members.size() + " × " + members.get(0);
    }
}
