package dev.glassbox.djl.zoo;

import ai.djl.Model;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.Progress;
import dev.glassbox.core.input.RegressionTable;
import dev.glassbox.core.input.Standardisation;
import dev.glassbox.core.model.Shape;
import dev.glassbox.djl.model.BlockModel;
import dev.glassbox.core.model.ModelOptions;
import dev.glassbox.djl.model.NamedBlocks;
import dev.glassbox.djl.uncertainty.GaussianNllLoss;
import dev.glassbox.djl.uncertainty.HeteroscedasticRegressor;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains {@link MeanVarianceMlp} networks (with or without dropout, by architecture name) with the Gaussian negative log-likelihood on a regression table, inputs and
 * target standardised by the training data: one network, or a deep ensemble whose member {@code m} (from 0) trains
 * with the settings' seed plus m, so that members differ in initial weights, dropout masks and batch order.
 */
public final class RegressionTraining {
    private RegressionTraining() {
    }

    /** The settings of the README's runs. */
    public static Training.Settings defaults() {
        return new Training.Settings(150, 64, 5e-3f, 20261205L);
    }

    /** Trains {@code members} networks of {@link MeanVarianceMlp#NAME}, with dropout, one after another. */
    public static HeteroscedasticRegressor train(RegressionTable data, Training.Settings settings, int members,
            Progress progress) {
        return train(data, MeanVarianceMlp.NAME, settings, members, progress);
    }

    /** Trains {@code members} networks of the named {@link MeanVarianceMlp} variant, one after another. */
    public static HeteroscedasticRegressor train(RegressionTable data, String architecture,
            Training.Settings settings, int members, Progress progress) {
        if (!architecture.equals(MeanVarianceMlp.NAME) && !architecture.equals(MeanVarianceMlp.PLAIN_NAME)) {
            throw new InvalidInputException("a regressor is a " + MeanVarianceMlp.NAME + " or a "
                    + MeanVarianceMlp.PLAIN_NAME + ", not a " + architecture);
        }
        if (members < 1) {
            throw new InvalidInputException("a regressor needs at least one network, got " + members);
        }
        Standardisation standardisation = Standardisation.fit(data);
        float[][] x = standardisation.inputs(data.inputs());
        int d = data.columns().size();
        float[] flat = new float[x.length * d];
        for (int i = 0; i < x.length; i++) {
            System.arraycopy(x[i], 0, flat, i * d, d);
        }
        Training.Examples examples = new Training.Examples(flat, new long[] {x.length, d},
                standardisation.targets(data.targets()), new long[] {x.length});
        List<BlockModel> trained = new ArrayList<>();
        try {
            for (int m = 0; m < members; m++) {
                int number = m + 1;
                Progress member = (task, done, total) -> progress.update("network " + number + "/" + members + ", "
                        + task, done, total);
                NamedBlocks layers = Architectures.build(architecture);
                Model model = Training.train(architecture + "-" + number, layers.block(), examples,
                        batches -> new GaussianNllLoss(), settings.withSeed(settings.seed() + m), member);
                trained.add(BlockModel.of(model, layers, new ModelOptions(Shape.of(d), null,
                        ModelOptions.DEFAULT_BATCH)));
            }
            return new HeteroscedasticRegressor(trained, standardisation);
        } catch (RuntimeException e) {
            trained.forEach(BlockModel::close);
            throw e;
        }
    }
}
