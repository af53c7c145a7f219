package dev.glassbox.core.input;

import dev.glassbox.core.InvalidInputException;
import java.util.Arrays;
import java.util.Objects;

/**
 * How to turn an image file into model input: the channels to produce and an optional per-channel normalisation
 * {@code (x - mean[c]) / std[c]} applied to values in [0, 1]. {@code mean} and {@code std} are both null (no
 * normalisation) or both given with the same length; a length of one applies to every channel.
 */
public record ImageOptions(Channels channels, float[] mean, float[] std) {

    private static final ImageOptions DEFAULTS = new ImageOptions(Channels.AUTO, null, null);

    public ImageOptions {
        Objects.requireNonNull(channels, "channels");
        if ((mean == null) != (std == null)) {
            throw new InvalidInputException("normalisation needs both a mean and a std, or neither");
        }
        if (mean != null) {
            if (mean.length == 0 || mean.length != std.length) {
                throw new InvalidInputException("normalisation has " + mean.length + " mean values and " + std.length
                        + " std values: expected the same number, one or one per channel");
            }
            for (int c = 0; c < mean.length; c++) {
                if (!Float.isFinite(mean[c])) {
                    throw new InvalidInputException("normalisation mean " + mean[c] + " is not a finite number");
                }
                if (!Float.isFinite(std[c]) || std[c] <= 0) {
                    throw new InvalidInputException("normalisation std " + std[c] + " is not a positive finite number");
                }
            }
            mean = mean.clone();
            std = std.clone();
        }
    }

    /** Channels as stored in the file and no normalisation. */
    public static ImageOptions defaults() {
        return DEFAULTS;
    }

    /** The given channels and no normalisation. */
    public static ImageOptions of(Channels channels) {
        return new ImageOptions(channels, null, null);
    }

    /** These options with the normalisation {@code (x - mean[c]) / std[c]}. */
    public ImageOptions normalised(float[] mean, float[] std) {
        return new ImageOptions(channels, mean, std);
    }

    /** Whether a normalisation is set. */
    public boolean normalises() {
        return mean != null;
    }

    /** A copy of the means, or null without normalisation. */
    @Override
    public float[] mean() {
        return mean == null ? null : mean.clone();
    }

    /** A copy of the standard deviations, or null without normalisation. */
    @Override
    public float[] std() {
        return std == null ? null : std.clone();
    }

    /**
     * Normalises channels-first {@code values} in place, with {@code channels} planes of equal size. Throws
     * {@link InvalidInputException} naming {@code what} when the mean has neither one value nor one per channel.
     */
    void normalise(float[] values, int channels, String what) {
        if (mean == null) {
            return;
        }
        if (mean.length != 1 && mean.length != channels) {
            throw new InvalidInputException("normalisation has " + mean.length + " values per statistic but " + what
                    + " has " + channels + (channels == 1 ? " channel: expected 1" : " channels: expected 1 or " + channels));
        }
        int plane = values.length / channels;
        for (int c = 0; c < channels; c++) {
            float m = mean[mean.length == 1 ? 0 : c];
            float s = std[std.length == 1 ? 0 : c];
            for (int i = c * plane; i < (c + 1) * plane; i++) {
                values[i] = (values[i] - m) / s;
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImageOptions other && channels == other.channels && Arrays.equals(mean, other.mean)
                && Arrays.equals(std, other.std);
    }

    @Override
    public int hashCode() {
        return Objects.hash(channels, Arrays.hashCode(mean), Arrays.hashCode(std));
    }

    @Override
    public String toString() {
        return "ImageOptions[channels=" + channels + (mean == null ? "" : ", mean=" + Arrays.toString(mean) + ", std="
                + Arrays.toString(std)) + "]";
    }
}
