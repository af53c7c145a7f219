package dev.glassbox.djl.inspect;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.Progress;
import dev.glassbox.core.model.Shape;

/**
 * DeepDream (Mordvintsev, Olah and Tyka 2015): gradient ascent on an objective — by default a layer's energy, its
 * mean squared activation — starting from a given image, over several octaves from coarse to fine. At octave
 * {@code o} the change is a detail image {@code octaveScale^o} times smaller than the input, upsampled bilinearly to
 * the model's input size (so models with a fixed input size dream at every octave too); each step moves the detail
 * by {@code stepSize} times the gradient divided by its mean absolute value, the image is clipped to [0, 1] in image
 * space, and the detail is added to the image when the octave ends. The method draws nothing at random: the same
 * image and options give the same dream.
 */
public final class DeepDream {
    private final ModelObjective objective;
    private final InputScaling scaling;
    private final int octaves;
    private final double octaveScale;
    private final int steps;
    private final double stepSize;

    /**
     * A dream on {@code objective} over {@code octaves} octaves {@code octaveScale} apart (e.g. 4 and 1.4), with
     * {@code steps} steps of {@code stepSize} (e.g. 10 and 0.01) per octave; images in [0, 1] become model inputs by
     * {@code scaling}.
     */
    public DeepDream(ModelObjective objective, InputScaling scaling, int octaves, double octaveScale, int steps,
            double stepSize) {
        if (octaves < 1 || steps < 1 || !(octaveScale >= 1) || !(stepSize > 0)) {
            throw new InvalidInputException("DeepDream needs octaves ≥ 1, steps ≥ 1, an octave scale ≥ 1 and a positive "
                    + "step size; got " + octaves + ", " + steps + ", " + octaveScale + ", " + stepSize);
        }
        this.objective = objective;
        this.scaling = scaling;
        this.octaves = octaves;
        this.octaveScale = octaveScale;
        this.steps = steps;
        this.stepSize = stepSize;
    }

    /** The dreamt image and the objective's value before and after each octave (coarsest first). */
    public record Dream(float[] image, double initialValue, double[] valueAfterOctave) {
    }

    /** Dreams on {@code image} (model input shape, values in [0, 1]). */
    public Dream run(float[] image, Progress progress) {
        Shape shape = objective.model().inputShape();
        int channels = shape.dim(0);
        int h = shape.dim(1);
        int w = shape.dim(2);
        float[] current = image.clone();
        double initial = value(current);
        double[] after = new double[octaves];
        for (int o = octaves - 1; o >= 0; o--) {
            double factor = Math.pow(octaveScale, o);
            int lowH = Math.max(1, (int) Math.round(h / factor));
            int lowW = Math.max(1, (int) Math.round(w / factor));
            Warp up = Warp.resize(lowH, lowW, h, w);
            float[] detail = new float[channels * lowH * lowW];
            for (int step = 0; step < steps; step++) {
                float[] dreamt = clipped(current, up.apply(detail, channels));
                float[] g = objective.evaluate(new float[][] {scaling.apply(dreamt, channels)}).gradients()[0];
                scaling.pullBack(g, channels);
                float[] lowGradient = up.pullBack(g, channels);
                double mean = 0;
                for (float v : lowGradient) {
                    mean += Math.abs(v) / lowGradient.length;
                }
                if (mean > 0) {
                    for (int i = 0; i < detail.length; i++) {
                        detail[i] += (float) (stepSize * lowGradient[i] / mean);
                    }
                }
                progress.update("DeepDream", (long) (octaves - 1 - o) * steps + step + 1, (long) octaves * steps);
            }
            current = clipped(current, up.apply(detail, channels));
            after[octaves - 1 - o] = value(current);
        }
        return new Dream(current, initial, after);
    }

    private double value(float[] image) {
        return objective.values(new float[][] {scaling.apply(image, objective.model().inputShape().dim(0))})[0];
    }

    private static float[] clipped(float[] base, float[] detail) {
        float[] out = new float[base.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.min(1f, Math.max(0f, base[i] + detail[i]));
        }
        return out;
    }
}
