package dev.glassbox.cli.command;

import dev.glassbox.core.input.LabelledImages;

/** Labelled images as model input rows. */
public final class ImageRows {
    private ImageRows() {
    }

    /** Every image as a row of values in [0, 1]. */
    public static float[][] of(LabelledImages images) {
        float[][] out = new float[images.count()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = images.image(i);
        }
        return out;
    }
}
