package dev.glassbox.djl.inspect;

import dev.glassbox.core.model.Shape;

/**
 * The diversity term of Olah et al. (2017) for several images of one objective: the mean cosine similarity between
 * the Gram matrices (channel × channel, {@code G = A Aᵀ / positions}) of every ordered pair of different images at a
 * layer. Feature visualisation subtracts it, weighted, so that the images look for different things; its gradient with
 * respect to each image's activation is {@code 2 M_i A_i / positions} with
 * {@code M_i = 2/(n(n−1)) Σ_{j≠i} (G_j/(|G_i||G_j|) − cos_ij G_i/|G_i|²)}.
 */
final class Diversity {
    private Diversity() {
    }

    /** The term's value and its gradient with respect to each row of {@code activations}. */
    record Value(double value, float[][] gradients) {
    }

    /** The mean pairwise Gram cosine similarity of the rows (each shaped like {@code shape}) and its gradients. */
    static Value of(float[][] activations, Shape shape) {
        int n = activations.length;
        int channels = shape.dim(0);
        int positions = shape.size() / channels;
        double[][] grams = new double[n][];
        double[] norms = new double[n];
        for (int i = 0; i < n; i++) {
            grams[i] = gram(activations[i], channels, positions);
            norms[i] = Math.max(Math.sqrt(dot(grams[i], grams[i])), 1e-12);
        }
        double pairs = n * (n - 1.0);
        double total = 0;
        float[][] gradients = new float[n][shape.size()];
        for (int i = 0; i < n; i++) {
            double[] m = new double[channels * channels];
            for (int j = 0; j < n; j++) {
                if (j == i) {
                    continue;
                }
                double cos = dot(grams[i], grams[j]) / (norms[i] * norms[j]);
                total += cos / pairs;
                for (int k = 0; k < m.length; k++) {
                    m[k] += 2 / pairs * (grams[j][k] / (norms[i] * norms[j]) - cos * grams[i][k] / (norms[i] * norms[i]));
                }
            }
            float[] a = activations[i];
            for (int c = 0; c < channels; c++) {
                for (int p = 0; p < positions; p++) {
                    double sum = 0;
                    for (int d = 0; d < channels; d++) {
                        sum += m[c * channels + d] * a[d * positions + p];
                    }
                    gradients[i][c * positions + p] = (float) (2 * sum / positions);
                }
            }
        }
        return new Value(total, gradients);
    }

    private static double[] gram(float[] a, int channels, int positions) {
        double[] g = new double[channels * channels];
        for (int c = 0; c < channels; c++) {
            for (int d = c; d < channels; d++) {
                double sum = 0;
                for (int p = 0; p < positions; p++) {
                    sum += (double) a[c * positions + p] * a[d * positions + p];
                }
                g[c * channels + d] = sum / positions;
                g[d * channels + c] = sum / positions;
            }
        }
        return g;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
