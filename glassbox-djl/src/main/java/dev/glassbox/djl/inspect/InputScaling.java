package dev.glassbox.djl.inspect;

import dev.glassbox.core.InvalidInputException;

/**
 * How an image in [0, 1] becomes the model's input: {@code (x − mean_c) / sd_c} per channel (ImageNet models read
 * normalised inputs; the bundled Fashion-MNIST CNN reads [0, 1] as it is: mean 0, sd 1).
 */
public record InputScaling(float[] mean, float[] sd) {
    /** The identity: the model reads [0, 1] images. */
    public static final InputScaling IDENTITY = new InputScaling(new float[] {0}, new float[] {1});

    /** Checks one mean and one positive sd per channel (or one for all channels), and copies them. */
    public InputScaling {
        if (mean.length != sd.length || mean.length == 0) {
            throw new InvalidInputException("give as many input means as standard deviations (one per channel), got "
                    + mean.length + " and " + sd.length);
        }
        for (float s : sd) {
            if (!(s > 0)) {
                throw new InvalidInputException("input standard deviations must be positive, got " + s);
            }
        }
        mean = mean.clone();
        sd = sd.clone();
    }

    /** The model input for an image of {@code channels} planes, values in [0, 1]. */
    public float[] apply(float[] image, int channels) {
        int plane = image.length / channels;
        float[] out = new float[image.length];
        for (int i = 0; i < image.length; i++) {
            int c = channel(i / plane);
            out[i] = (image[i] - mean[c]) / sd[c];
        }
        return out;
    }

    /** The image gradient of a function whose model-input gradient is {@code gradient}, in place. */
    void pullBack(float[] gradient, int channels) {
        int plane = gradient.length / channels;
        for (int i = 0; i < gradient.length; i++) {
            gradient[i] /= sd[channel(i / plane)];
        }
    }

    private int channel(int c) {
        return mean.length == 1 ? 0 : c;
    }
}
