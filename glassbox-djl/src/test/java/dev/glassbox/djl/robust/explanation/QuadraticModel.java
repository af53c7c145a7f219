package dev.glassbox.djl.robust.explanation;

import dev.glassbox.core.model.Shape;
import dev.glassbox.djl.DifferentiableModel;
import dev.glassbox.djl.Gradients;
import dev.glassbox.djl.OutputWeighting;

/**
 * z_c = Σ_i W_ci x_i², in plain Java: its saliency map |∂z_c/∂x_i| = 2 |W_ci x_i| moves with x, in closed form.
 * Class 0 weighs the features by 1 + i/d, class 1 by 2 − i/d, so which class wins depends on where x has its mass.
 */
final class QuadraticModel implements DifferentiableModel {
    final int features;
    final float[][] weights;

    QuadraticModel(int features) {
        this.features = features;
        weights = new float[2][features];
        for (int i = 0; i < features; i++) {
            weights[0][i] = 1 + i / (float) features;
            weights[1][i] = 2 - i / (float) features;
        }
    }

    @Override
    public Shape inputShape() {
        return Shape.of(features);
    }

    @Override
    public int outputSize() {
        return 2;
    }

    @Override
    public float[][] predict(float[][] batch) {
        float[][] out = new float[batch.length][2];
        for (int r = 0; r < batch.length; r++) {
            for (int c = 0; c < 2; c++) {
                for (int i = 0; i < features; i++) {
                    out[r][c] += weights[c][i] * batch[r][i] * batch[r][i];
                }
            }
        }
        return out;
    }

    @Override
    public Gradients gradients(float[][] batch, OutputWeighting weighting) {
        float[][] scores = predict(batch);
        float[][] gradients = new float[batch.length][features];
        for (int r = 0; r < batch.length; r++) {
            float[] w = weighting.weights(r, scores[r]);
            for (int c = 0; c < 2; c++) {
                for (int i = 0; i < features; i++) {
                    gradients[r][i] += w[c] * 2 * weights[c][i] * batch[r][i];
                }
            }
        }
        return new Gradients(scores, gradients);
    }
}
