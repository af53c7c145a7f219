package dev.glassbox.djl.zoo;

import ai.djl.nn.norm.Dropout;
import dev.glassbox.core.input.Standardisation;
import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.ModelLoadException;
import dev.glassbox.djl.model.BlockModel;
import dev.glassbox.djl.uncertainty.DeepEnsemble;
import dev.glassbox.djl.uncertainty.HeteroscedasticRegressor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Saves and loads a {@link HeteroscedasticRegressor} as an ensemble folder ({@link SavedEnsembles}): one saved model
 * per network, and the ensemble card's metrics holding the standardisation beside the measured numbers.
 */
public final class SavedRegressors {
    private SavedRegressors() {
    }

    /** Writes the networks, their cards and the ensemble card (with {@code metrics}) to {@code dir}. */
    public static void save(HeteroscedasticRegressor regressor, String data, long seed, int epochs,
            Map<String, Double> metrics, Path dir) {
        Map<String, Double> all = new TreeMap<>(metrics);
        regressor.standardisation().toMetrics(all);
        List<ModelCard> cards = new ArrayList<>();
        for (int m = 0; m < regressor.members().size(); m++) {
            BlockModel member = regressor.members().get(m);
            String architecture = member.layersWhere(Dropout.class::isInstance).isEmpty() ? MeanVarianceMlp.PLAIN_NAME
                    : MeanVarianceMlp.NAME;
            cards.add(new ModelCard(architecture, member.inputShape().dims(), List.of(), data, seed + m,
                    epochs, new TreeMap<>()));
        }
        SavedEnsembles.save(DeepEnsemble.of(regressor.members()), cards, data, all, dir);
    }

    /** Loads a folder written by {@link #save}. */
    public static HeteroscedasticRegressor load(Path dir, int batchSize) {
        if (!SavedEnsembles.isSavedEnsemble(dir)) {
            throw new ModelLoadException(dir + " holds no saved regressor: it has no " + EnsembleCard.FILE);
        }
        Map<String, Double> metrics = metrics(dir);
        DeepEnsemble ensemble = SavedEnsembles.load(dir, batchSize);
        try {
            List<BlockModel> members = new ArrayList<>();
            for (Model member : ensemble.members()) {
                members.add((BlockModel) member);
            }
            int inputs = members.get(0).inputShape().size();
            return new HeteroscedasticRegressor(members, Standardisation.fromMetrics(metrics, inputs));
        } catch (RuntimeException e) {
            ensemble.close();
            throw e;
        }
    }

    /** The metrics saved with a regressor. */
    public static Map<String, Double> metrics(Path dir) {
        Path cardFile = dir.resolve(EnsembleCard.FILE);
        try {
            return new TreeMap<>(EnsembleCard.fromJson(Files.readString(cardFile), cardFile.toString()).metrics());
        } catch (IOException e) {
            throw new ModelLoadException("cannot read " + cardFile + ": " + e.getMessage(), e);
        }
    }
}
