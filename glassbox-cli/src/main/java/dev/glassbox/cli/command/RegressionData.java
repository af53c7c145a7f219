package dev.glassbox.cli.command;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.input.Diabetes;
import dev.glassbox.core.input.GapRegressionBenchmark;
import dev.glassbox.core.input.RegressionTable;
import java.util.List;
import java.util.Locale;

/**
 * The regression data sets of {@code glassbox train regression} and {@code glassbox regression-uncertainty}, each cut
 * into training, calibration (for σ scaling) and test parts by a seed: the 1-D gap benchmark (1,000, 500 and 1,000
 * fresh samples) or the bundled diabetes data (60 %, 20 %, 20 % of its 442 rows).
 *
 * @param name the data set's name
 * @param description where the data came from
 * @param train the training part
 * @param calibration the part σ scaling is fitted on
 * @param test the held-out part every reported number is measured on
 */
public record RegressionData(String name, String description, RegressionTable train, RegressionTable calibration,
        RegressionTable test) {

    /** The named data set cut with {@code seed}. */
    public static RegressionData of(String name, long seed) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case GapRegressionBenchmark.NAME -> {
                return new RegressionData(GapRegressionBenchmark.NAME, "1-D gap benchmark: y = sin(1.5x) + 0.25x "
                        + "+ (0.1 + 0.3(x/4)²)ε, x in [-4, -1] ∪ [1, 4], data seed " + seed,
                        GapRegressionBenchmark.sample(1000, seed), GapRegressionBenchmark.sample(500, seed + 1),
                        GapRegressionBenchmark.sample(1000, seed + 2));
            }
            case Diabetes.NAME -> {
                List<RegressionTable> parts = Diabetes.load().split(seed, 0.6, 0.2, 0.2);
                return new RegressionData(Diabetes.NAME, Diabetes.PROVENANCE + ", split seed " + seed, parts.get(0),
                        parts.get(1), parts.get(2));
            }
            default -> throw new InvalidInputException("unknown regression data '" + name + "': expected "
                    + GapRegressionBenchmark.NAME + " or " + Diabetes.NAME);
        }
    }

    /** Whether this is the 1-D benchmark whose noise and gap are known. */
    public boolean isGapBenchmark() {
        return name.equals(GapRegressionBenchmark.NAME);
    }
}
