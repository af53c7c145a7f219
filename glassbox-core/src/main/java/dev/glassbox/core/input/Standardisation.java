package dev.glassbox.core.input;

import dev.glassbox.core.InvalidInputException;
import java.util.Map;

/**
 * Centres and scales a regression model's inputs and target by the training data's means and standard deviations
 * (a constant column keeps a scale of 1), and maps predicted means and variances back to the target's units. It
 * travels with a saved model as named numbers ({@link #toMetrics}, {@link #fromMetrics}).
 *
 * @param inputMean the mean of each input column
 * @param inputStd the standard deviation of each input column (above 0)
 * @param targetMean the target's mean
 * @param targetStd the target's standard deviation (above 0)
 */
public record Standardisation(double[] inputMean, double[] inputStd, double targetMean, double targetStd) {
    private static final String PREFIX = "standardisation.";

    public Standardisation {
        inputMean = inputMean.clone();
        inputStd = inputStd.clone();
    }

    /** The means and standard deviations of {@code data}. */
    public static Standardisation fit(RegressionTable data) {
        float[][] x = data.inputs();
        int d = data.columns().size();
        double[] mean = new double[d];
        double[] std = new double[d];
        for (int j = 0; j < d; j++) {
            double[] column = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                column[i] = x[i][j];
            }
            mean[j] = mean(column);
            std[j] = std(column, mean[j]);
        }
        double[] y = data.targets();
        double yMean = mean(y);
        return new Standardisation(mean, std, yMean, std(y, yMean));
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double std(double[] values, double mean) {
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        double std = Math.sqrt(sum / values.length);
        return std > 0 ? std : 1;
    }

    @Override
    public double[] inputMean() {
        return inputMean.clone();
    }

    @Override
    public double[] inputStd() {
        return inputStd.clone();
    }

    /** The standardised inputs. */
    public float[][] inputs(float[][] rows) {
        float[][] out = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != inputMean.length) {
                throw new InvalidInputException("row " + i + " has " + rows[i].length + " inputs, the model takes "
                        + inputMean.length);
            }
            out[i] = new float[rows[i].length];
            for (int j = 0; j < rows[i].length; j++) {
                out[i][j] = (float) ((rows[i][j] - inputMean[j]) / inputStd[j]);
            }
        }
        return out;
    }

    /** The standardised targets. */
    public float[] targets(double[] targets) {
        float[] out = new float[targets.length];
        for (int i = 0; i < targets.length; i++) {
            out[i] = (float) ((targets[i] - targetMean) / targetStd);
        }
        return out;
    }

    /** A predicted mean on the standardised scale, in the target's units. */
    public double mean(double standardised) {
        return targetMean + targetStd * standardised;
    }

    /** A predicted variance on the standardised scale, in the target's squared units. */
    public double variance(double standardised) {
        return targetStd * targetStd * standardised;
    }

    /** Writes the numbers into {@code metrics} under {@code standardisation.*} keys. */
    public void toMetrics(Map<String, Double> metrics) {
        for (int j = 0; j < inputMean.length; j++) {
            metrics.put(PREFIX + "inputMean." + j, inputMean[j]);
            metrics.put(PREFIX + "inputStd." + j, inputStd[j]);
        }
        metrics.put(PREFIX + "targetMean", targetMean);
        metrics.put(PREFIX + "targetStd", targetStd);
    }

    /** Reads what {@link #toMetrics} wrote for {@code inputs} input columns. */
    public static Standardisation fromMetrics(Map<String, Double> metrics, int inputs) {
        double[] mean = new double[inputs];
        double[] std = new double[inputs];
        for (int j = 0; j < inputs; j++) {
            mean[j] = required(metrics, PREFIX + "inputMean." + j);
            std[j] = required(metrics, PREFIX + "inputStd." + j);
        }
        return new Standardisation(mean, std, required(metrics, PREFIX + "targetMean"),
                required(metrics, PREFIX + "targetStd"));
    }

    private static double required(Map<String, Double> metrics, String key) {
        Double value = metrics.get(key);
        if (value == null) {
            throw new InvalidInputException("the saved model lacks " + key + ": it is not a regression model");
        }
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Standardisation s && java.util.Arrays.equals(inputMean, s.inputMean)
                && java.util.Arrays.equals(inputStd, s.inputStd) && Double.compare(targetMean, s.targetMean) == 0
                && Double.compare(targetStd, s.targetStd) == 0;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(java.util.Arrays.hashCode(inputMean), java.util.Arrays.hashCode(inputStd),
                targetMean, targetStd);
    }
}
