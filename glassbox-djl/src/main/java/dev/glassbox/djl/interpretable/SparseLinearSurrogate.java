package dev.glassbox.djl.interpretable;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.math.Vectors;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.slm.LARSLassoTrainer;
import org.tribuo.regression.slm.SparseLinearModel;

/**
 * A sparse linear model fitted to a model's class scores: for each class, Tribuo's LARS-lasso regression of the
 * model's score on the inputs (or features), stopped at a budget of non-zero weights per class; the surrogate
 * predicts the class with the highest fitted score.
 */
public final class SparseLinearSurrogate implements GlobalSurrogate {
    private static final RegressionFactory OUTPUTS = new RegressionFactory();
    private final SparseLinearModel model;
    private final TribuoRows rows;

    private SparseLinearSurrogate(SparseLinearModel model, TribuoRows rows) {
        this.model = model;
        this.rows = rows;
    }

    /** Fits at most {@code weightsPerClass} non-zero weights per class to the model's {@code scores} of {@code rows}. */
    public static SparseLinearSurrogate fit(float[][] rows, float[][] scores, int weightsPerClass) {
        TribuoRows.requireFit(rows, scores.length);
        if (weightsPerClass < 1) {
            throw new InvalidInputException("a sparse linear surrogate needs at least one weight per class, got "
                    + weightsPerClass);
        }
        TribuoRows columns = TribuoRows.of(rows);
        String[] classes = IntStream.range(0, scores[0].length).mapToObj(Integer::toString).toArray(String[]::new);
        List<Example<Regressor>> examples = IntStream.range(0, rows.length).<Example<Regressor>>mapToObj(
                i -> columns.example(new Regressor(classes, toDoubles(scores[i])), rows[i])).toList();
        MutableDataset<Regressor> data = new MutableDataset<>(new ListDataSource<>(examples, OUTPUTS,
                new SimpleDataSourceProvenance("model scores", OUTPUTS)));
        return new SparseLinearSurrogate((SparseLinearModel) new LARSLassoTrainer(weightsPerClass).train(data), columns);
    }

    private static double[] toDoubles(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    /** The fitted score of each class for one input. */
    public double[] scores(float[] input) {
        Regressor out = model.predict(rows.example(OUTPUTS.getUnknownOutput(), input)).getOutput();
        String[] dims = out.getNames();
        double[] values = out.getValues();
        double[] scores = new double[values.length];
        for (int d = 0; d < dims.length; d++) {
            scores[Integer.parseInt(dims[d])] = values[d];
        }
        return scores;
    }

    @Override
    public int predict(float[] input) {
        return Vectors.argmax(scores(input));
    }

    /** The number of input features with a non-zero weight for at least one class. */
    @Override
    public int size() {
        Set<Integer> used = new HashSet<>();
        model.getWeights().values().forEach(weights -> weights.forEach(entry -> {
            if (entry.value != 0) {
                used.add(entry.index);
            }
        }));
        return used.size();
    }
}
