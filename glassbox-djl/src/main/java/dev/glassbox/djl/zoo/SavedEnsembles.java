package dev.glassbox.djl.zoo;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.ModelLoadException;
import dev.glassbox.core.output.AtomicDirectory;
import dev.glassbox.djl.model.BlockModel;
import dev.glassbox.djl.uncertainty.DeepEnsemble;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Saves and loads a {@link DeepEnsemble} of DJL block models as one folder: {@code ensemble.json} (the
 * {@link EnsembleCard}) and one saved model folder per member ({@code member-1}, {@code member-2}, …). Saving writes
 * into a temporary sibling folder that is moved into place only when complete.
 */
public final class SavedEnsembles {
    private SavedEnsembles() {
    }

    /** Whether a folder holds a saved ensemble. */
    public static boolean isSavedEnsemble(Path dir) {
        return Files.isRegularFile(dir.resolve(EnsembleCard.FILE));
    }

    /** Loads every member of a saved ensemble. */
    public static DeepEnsemble load(Path dir, int batchSize) {
        Path cardFile = dir.resolve(EnsembleCard.FILE);
        EnsembleCard card;
        try {
            card = EnsembleCard.fromJson(Files.readString(cardFile), cardFile.toString());
        } catch (IOException e) {
            throw new ModelLoadException("cannot read " + cardFile + ": " + e.getMessage(), e);
        }
        List<Model> members = new ArrayList<>();
        try {
            for (String member : card.members()) {
                members.add(SavedModels.load(dir.resolve(member), batchSize));
            }
            return DeepEnsemble.of(members);
        } catch (RuntimeException e) {
            members.forEach(Model::close);
            throw e;
        }
    }

    /**
     * Writes each member with its card, and the ensemble's card, to {@code dir}, replacing what was there only once
     * everything is written.
     */
    public static void save(DeepEnsemble ensemble, List<ModelCard> memberCards, String data,
            Map<String, Double> metrics, Path dir) {
        if (memberCards.size() != ensemble.members().size()) {
            throw new InvalidInputException(memberCards.size() + " member cards for " + ensemble.members().size()
                    + " members");
        }
        Path parent = dir.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
            Path staging = Files.createTempDirectory(parent, "." + dir.getFileName() + ".");
            List<String> names = new ArrayList<>();
            for (int m = 0; m < memberCards.size(); m++) {
                if (!(ensemble.members().get(m) instanceof BlockModel member)) {
                    throw new InvalidInputException("only ensembles of DJL block models can be saved, member " + (m + 1)
                            + " is " + ensemble.members().get(m));
                }
                String name = "member-" + (m + 1);
                SavedModels.save(member, memberCards.get(m), staging.resolve(name));
                names.add(name);
            }
            Files.writeString(staging.resolve(EnsembleCard.FILE), new EnsembleCard(names, data, metrics).toJson());
            AtomicDirectory.replace(staging, dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the ensemble to " + dir, e);
        }
    }
}
