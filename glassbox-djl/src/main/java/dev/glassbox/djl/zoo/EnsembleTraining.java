package dev.glassbox.djl.zoo;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.Progress;
import dev.glassbox.core.input.LabelledImages;
import dev.glassbox.core.model.Model;
import dev.glassbox.djl.model.BlockModel;
import dev.glassbox.djl.model.NamedBlocks;
import dev.glassbox.djl.uncertainty.DeepEnsemble;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Trains a deep ensemble of image classifiers: N members of one architecture, each trained by
 * {@link ImageClassifierTraining} on the same data with its own seed (the settings' seed plus the member's index, from
 * 0), so that they differ in initial weights and batch order.
 */
public final class EnsembleTraining {
    private EnsembleTraining() {
    }

    /** The seed of member {@code index} (from 0). */
    public static long memberSeed(Training.Settings settings, int index) {
        return settings.seed() + index;
    }

    /** Trains {@code members} networks built by {@code architecture}, one after another. */
    public static DeepEnsemble train(String name, Supplier<NamedBlocks> architecture, LabelledImages data,
            List<String> classNames, Training.Settings settings, int members, Progress progress) {
        if (members < 1) {
            throw new InvalidInputException("an ensemble needs at least one member, got " + members);
        }
        List<BlockModel> trained = new ArrayList<>();
        try {
            for (int m = 0; m < members; m++) {
                int number = m + 1;
                Progress member = (task, done, total) -> progress.update("member " + number + "/" + members + ", "
                        + task, done, total);
                trained.add(ImageClassifierTraining.train(name + "-" + number, architecture.get(), data, classNames,
                        settings.withSeed(memberSeed(settings, m)), member));
            }
            return DeepEnsemble.of(trained);
        } catch (RuntimeException e) {
            trained.forEach(Model::close);
            throw e;
        }
    }
}
