package dev.glassbox.core.explain.perturb;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.explain.grouping.FeatureGrouping;
import dev.glassbox.core.model.Shape;
import java.util.Arrays;

/**
 * What replaces masked features of one input: a constant (Captum's scalar baseline), a fill colour per channel, a
 * blurred copy of the input, each group's own mean (LIME's images with {@code hide_color=None}), or fixed {@link Background} rows (a baseline image,
 * SHAP's background data).
 */
@FunctionalInterface
public interface Baseline {

    /** The background rows for {@code input}, a flattened sample of {@code shape} grouped by {@code grouping}. */
    Background resolve(float[] input, Shape shape, FeatureGrouping grouping);

    /** Every masked element set to {@code value}. */
    static Baseline constant(float value) {
        return new Constant(value);
    }

    /** Masked elements set to a colour: one value per channel of a channels-first image ({@code [C, H, W]}). */
    static Baseline channels(float... values) {
        return new Channels(values.clone());
    }

    /** Each masked group filled with its own mean value in each channel (the mean colour of a superpixel). */
    static Baseline groupMeans() {
        return new GroupMeans();
    }

    /** The channel an element of a channels-first sample belongs to (0 unless the shape has three axes). */
    private static int channelOf(Shape shape, int element) {
        return shape.rank() == 3 ? element / (shape.dim(1) * shape.dim(2)) : 0;
    }

    /** Masked elements taken from the input blurred by a Gaussian of {@code sigma} pixels (a blurred reference). */
    static Baseline blurred(double sigma) {
        return new Blurred(sigma);
    }

    /** A blurred copy of the input, as the path methods' blurred baseline computes it. */
    record Blurred(double sigma) implements Baseline {
        @Override
        public Background resolve(float[] input, Shape shape, FeatureGrouping grouping) {
            return Background.of(dev.glassbox.core.explain.path.PathBaseline.blurred(sigma).references(input, shape).get(0));
        }

        @Override
        public String toString() {
            return "blur(" + sigma + ")";
        }
    }

    /** A constant baseline. */
    record Constant(float value) implements Baseline {
        @Override
        public Background resolve(float[] input, Shape shape, FeatureGrouping grouping) {
            float[] row = new float[shape.size()];
            Arrays.fill(row, value);
            return Background.of(row);
        }

        @Override
        public String toString() {
            return "constant(" + value + ")";
        }
    }

    /** A fill colour, one value per channel. */
    record Channels(float[] values) implements Baseline {
        @Override
        public Background resolve(float[] input, Shape shape, FeatureGrouping grouping) {
            int channels = shape.rank() == 3 ? shape.dim(0) : 1;
            if (values.length != channels) {
                throw new InvalidInputException("the fill colour has " + values.length
                        + " channels but the input of shape " + shape + " has " + channels);
            }
            float[] row = new float[shape.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = values[channelOf(shape, i)];
            }
            return Background.of(row);
        }

        @Override
        public String toString() {
            return "colour" + Arrays.toString(values);
        }
    }

    /** Each group's mean per channel. */
    record GroupMeans() implements Baseline {
        @Override
        public Background resolve(float[] input, Shape shape, FeatureGrouping grouping) {
            int channels = shape.rank() == 3 ? shape.dim(0) : 1;
            float[] row = input.clone();
            for (int g = 0; g < grouping.groupCount(); g++) {
                int[] members = grouping.members(g);
                double[] sum = new double[channels];
                int[] count = new int[channels];
                for (int e : members) {
                    sum[channelOf(shape, e)] += input[e];
                    count[channelOf(shape, e)]++;
                }
                for (int e : members) {
                    int c = channelOf(shape, e);
                    row[e] = (float) (sum[c] / count[c]);
                }
            }
            return Background.of(row);
        }

        @Override
        public String toString() {
            return "group-means";
        }
    }
}
