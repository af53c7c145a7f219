package dev.glassbox.core.explain.perturb;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.explain.grouping.FeatureGrouping;
import dev.glassbox.core.model.Model;
import java.util.function.IntFunction;

/**
 * The game of a model's output over the feature groups of one flattened input: a coalition keeps its groups' elements
 * and takes every other group's elements from each background row; the value is the weighted mean of the output over
 * the background rows. Elements in no group always keep the input's value.
 */
final class TensorGame implements Game {
    private final float[] input;
    private final FeatureGrouping grouping;
    private final Background background;
    private final Evaluator<float[]> evaluator;

    TensorGame(Model model, float[] input, FeatureGrouping grouping, Background background, Readout readout,
            Execution execution, String task) {
        this.input = input;
        this.grouping = grouping;
        this.background = background;
        this.evaluator = Evaluator.forModel(model, readout, execution, task);
    }

    @Override
    public int players() {
        return grouping.groupCount();
    }

    @Override
    public double[] values(int count, IntFunction<boolean[]> coalitions) {
        int variants = background.size();
        long rows = (long) count * variants;
        if (rows > Integer.MAX_VALUE) {
            throw new InvalidInputException(count + " coalitions over " + variants
                    + " background rows are too many model evaluations: summarise the background or take fewer samples");
        }
        double[] raw = evaluator.evaluate((int) rows,
                r -> compose(coalitions.apply(r / variants), background.rowView(r % variants)));
        if (variants == 1) {
            return raw;
        }
        double[] weights = background.normalizedWeights();
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            for (int v = 0; v < variants; v++) {
                out[i] += weights[v] * raw[i * variants + v];
            }
        }
        return out;
    }

    /** Groups whose elements equal the input in every background row: masking them changes nothing. */
    @Override
    public boolean[] nullPlayers() {
        boolean[] out = new boolean[players()];
        for (int g = 0; g < out.length; g++) {
            out[g] = true;
            int[] members = grouping.members(g);
            for (int v = 0; v < background.size() && out[g]; v++) {
                float[] row = background.rowView(v);
                for (int e : members) {
                    if (Float.compare(row[e], input[e]) != 0) {
                        out[g] = false;
                        break;
                    }
                }
            }
        }
        return out;
    }

    /** The number of model rows evaluated so far. */
    long evaluatedRows() {
        return evaluator.evaluatedRows();
    }

    private float[] compose(boolean[] present, float[] fill) {
        if (present.length != players()) {
            throw new IllegalArgumentException("a coalition of " + present.length + " players for a game of " + players());
        }
        float[] row = input.clone();
        for (int g = 0; g < present.length; g++) {
            if (!present[g]) {
                for (int e : grouping.members(g)) {
                    row[e] = fill[e];
                }
            }
        }
        return row;
    }
}
