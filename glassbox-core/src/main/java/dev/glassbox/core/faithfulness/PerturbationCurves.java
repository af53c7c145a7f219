package dev.glassbox.core.faithfulness;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.explain.path.PathBaseline;
import dev.glassbox.core.math.Planes;
import dev.glassbox.core.math.Vectors;
import dev.glassbox.core.model.Batches;
import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.Shape;

/**
 * Deletion and insertion curves (Petsiuk et al. 2018, RISE). Pixels (all channels of a position together) are taken
 * in the order of the attribution's channel sum, largest first, {@code steps} equal shares at a time. Deletion starts
 * from the input and replaces taken pixels with a constant; insertion starts from the input blurred as
 * {@link PathBaseline#blurred(double)} blurs it and puts taken pixels back. The curve is the explained class's probability
 * (softmax of logits, or the score itself for models that do not return logits) against the share of pixels taken;
 * its area by the trapezoid rule summarises it: low for deletion and high for insertion when the attribution ranks
 * the pixels the model relies on first.
 */
public final class PerturbationCurves {
    /** Which way the pixels move. */
    public enum Kind {
        /** Pixels removed from the input. */
        DELETION,
        /** Pixels inserted into a blurred input. */
        INSERTION
    }

    /**
     * One curve.
     *
     * @param kind deletion or insertion
     * @param target the class whose probability is followed
     * @param fractions the share of pixels taken at each point, from 0 to 1
     * @param scores the class's probability (or score) at each point
     */
    public record Curve(Kind kind, int target, double[] fractions, double[] scores) {
        /** The area under the curve by the trapezoid rule over [0, 1]. */
        public double auc() {
            double area = 0;
            for (int i = 1; i < fractions.length; i++) {
                area += (fractions[i] - fractions[i - 1]) * (scores[i] + scores[i - 1]) / 2;
            }
            return area;
        }
    }

    private final Model model;
    private final int steps;
    private final float deletionValue;
    private final double blurSigma;
    private final int chunk;

    private PerturbationCurves(Builder b) {
        this.model = b.model;
        this.steps = b.steps;
        this.deletionValue = b.deletionValue;
        this.blurSigma = b.blurSigma;
        this.chunk = b.chunk;
    }

    /** Starts curves for a model. */
    public static Builder of(Model model) {
        return new Builder(model);
    }

    /** The deletion curve of one input under its attribution. */
    public Curve deletion(float[] input, Attribution attribution) {
        float[] empty = new float[input.length];
        java.util.Arrays.fill(empty, deletionValue);
        return curve(Kind.DELETION, input, empty, input, attribution);
    }

    /** The insertion curve of one input under its attribution. */
    public Curve insertion(float[] input, Attribution attribution) {
        float[] blurred = PathBaseline.blurred(blurSigma).references(input, model.inputShape()).get(0);
        return curve(Kind.INSERTION, input, input, blurred, attribution);
    }

    /** Points where the first m pixels of the order come from {@code taken} and the rest from {@code start}. */
    private Curve curve(Kind kind, float[] input, float[] taken, float[] start, Attribution attribution) {
        Shape shape = model.inputShape();
        Batches.requireValid(new float[][] {input}, shape);
        int[] hw = Planes.heightWidth(shape);
        int pixels = hw[0] * hw[1];
        int[] order = Vectors.topK(Layout.perPixel(attribution, shape), pixels);
        float[][] rows = new float[steps + 1][];
        double[] fractions = new double[steps + 1];
        float[] row = start.clone();
        int done = 0;
        for (int s = 0; s <= steps; s++) {
            int upTo = (int) Math.round((double) s * pixels / steps);
            for (; done < upTo; done++) {
                for (int p = order[done]; p < row.length; p += pixels) {
                    row[p] = taken[p];
                }
            }
            rows[s] = row.clone();
            fractions[s] = upTo / (double) pixels;
        }
        float[][] scores = Batches.mapInChunks(rows, chunk, model::predict);
        int k = attribution.target();
        double[] curve = new double[scores.length];
        for (int s = 0; s < scores.length; s++) {
            curve[s] = model.outputsLogits() ? Vectors.softmax(scores[s])[k] : scores[s][k];
        }
        return new Curve(kind, k, fractions, curve);
    }

    /** Settings of the curves. */
    public static final class Builder {
        private final Model model;
        private int steps = 50;
        private float deletionValue = 0f;
        private double blurSigma = 5;
        private int chunk = 64;

        private Builder(Model model) {
            this.model = model;
        }

        /** Points after the start (default 50): each step takes 1/steps of the pixels. */
        public Builder steps(int value) {
            if (value < 1) {
                throw new InvalidInputException("a perturbation curve needs at least 1 step, got " + value);
            }
            steps = value;
            return this;
        }

        /** What deleted pixels become (default 0). */
        public Builder deletionValue(float value) {
            if (!Float.isFinite(value)) {
                throw new InvalidInputException("the deletion value must be finite, got " + value);
            }
            deletionValue = value;
            return this;
        }

        /** The blur of the insertion start, in pixels (default 5, as RISE). */
        public Builder blurSigma(double value) {
            if (!(value > 0) || !Double.isFinite(value)) {
                throw new InvalidInputException("the blur must be a positive number of pixels, got " + value);
            }
            blurSigma = value;
            return this;
        }

        /** Perturbed inputs per model call (default 64). */
        public Builder chunk(int value) {
            if (value < 1) {
                throw new InvalidInputException("the chunk size must be positive, got " + value);
            }
            chunk = value;
            return this;
        }

        /** The curves. */
        public PerturbationCurves build() {
            return new PerturbationCurves(this);
        }
    }
}
