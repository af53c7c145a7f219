package dev.glassbox.djl.uncertainty;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.model.Model;

/**
 * An out-of-distribution score from an autoencoder trained on in-distribution data: the mean squared error between
 * each sample and its reconstruction. Inputs unlike the training data reconstruct worse, so higher means more likely
 * out of distribution, as {@code OodScores} expects.
 */
public final class ReconstructionError {
    private ReconstructionError() {
    }

    /** The mean squared reconstruction error of each input; the autoencoder returns one value per input value. */
    public static double[] scores(Model autoencoder, float[][] inputs) {
        int size = autoencoder.inputShape().size();
        if (autoencoder.outputSize() != size) {
            throw new InvalidInputException(autoencoder + " returns " + autoencoder.outputSize() + " values for inputs "
                    + "of " + size + ": an autoencoder must reconstruct its input");
        }
        float[][] reconstructed = autoencoder.predict(inputs);
        double[] out = new double[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            double sum = 0;
            for (int j = 0; j < size; j++) {
                double d = reconstructed[i][j] - inputs[i][j];
                sum += d * d;
            }
            out[i] = sum / size;
        }
        return out;
    }
}
