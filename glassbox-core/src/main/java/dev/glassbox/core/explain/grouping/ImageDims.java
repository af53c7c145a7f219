package dev.glassbox.core.explain.grouping;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.model.Shape;
import java.util.Arrays;

/** The channels, height and width of a channels-first image shape ({@code [C, H, W]} or {@code [H, W]}). */
record ImageDims(int channels, int height, int width) {

    static ImageDims of(Shape shape) {
        return switch (shape.rank()) {
            case 2 -> new ImageDims(1, shape.dim(0), shape.dim(1));
            case 3 -> new ImageDims(shape.dim(0), shape.dim(1), shape.dim(2));
            default -> throw new InvalidInputException("an image must have shape [C, H, W] or [H, W], was " + shape);
        };
    }

    int pixels() {
        return height * width;
    }

    /**
     * The grouping of an image of {@code shape} into segments given by one label per pixel, the same in every channel;
     * segments are numbered from 0 in ascending order of their labels.
     */
    LabelGrouping segments(Shape shape, int[] pixelLabels) {
        int[] distinct = Arrays.stream(pixelLabels).distinct().sorted().toArray();
        int[] labels = new int[shape.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = Arrays.binarySearch(distinct, pixelLabels[i % pixels()]);
        }
        return LabelGrouping.of(shape, labels, l -> "segment " + l);
    }
}
