package dev.glassbox.core.explain.perturb;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.math.Vectors;
import dev.glassbox.core.model.Batches;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** Weighted k-means summaries of background data ({@link Background#summarize}). */
final class KMeans {
    private static final int RESTARTS = 10;
    private static final int MAX_ITERATIONS = 300;

    private KMeans() {
    }

    static Background summarize(float[][] data, int k, long seed) {
        if (data.length == 0) {
            throw new InvalidInputException("cannot summarise an empty background: give at least one row");
        }
        if (k < 1 || k > data.length) {
            throw new InvalidInputException("cannot summarise " + data.length + " background rows by " + k
                    + " centres: k must be between 1 and the number of rows");
        }
        for (int r = 0; r < data.length; r++) {
            if (data[r].length != data[0].length) {
                throw new InvalidInputException("background row " + r + " has " + data[r].length + " values but row 0 has "
                        + data[0].length);
            }
            Batches.requireFinite(data[r], "background row " + r);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[][] best = null;
        int[] bestAssignment = null;
        double bestInertia = Double.POSITIVE_INFINITY;
        for (int restart = 0; restart < RESTARTS; restart++) {
            double[][] centres = seed(data, k, random.split());
            int[] assignment = lloyd(data, centres);
            double inertia = 0;
            for (int r = 0; r < data.length; r++) {
                inertia += distanceSquared(data[r], centres[assignment[r]]);
            }
            if (inertia < bestInertia) {
                bestInertia = inertia;
                best = centres;
                bestAssignment = assignment;
            }
        }
        return weightedCentres(data, best, bestAssignment);
    }

    /** k-means++ seeding: each next centre is a row drawn with probability proportional to its squared distance. */
    private static double[][] seed(float[][] data, int k, SplittableRandom random) {
        double[][] centres = new double[k][];
        centres[0] = Vectors.toDouble(data[random.nextInt(data.length)]);
        double[] nearest = new double[data.length];
        for (int r = 0; r < data.length; r++) {
            nearest[r] = distanceSquared(data[r], centres[0]);
        }
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (double d : nearest) {
                total += d;
            }
            int pick = data.length - 1;
            if (total > 0) {
                double u = random.nextDouble() * total;
                for (int r = 0; r < data.length; r++) {
                    u -= nearest[r];
                    if (u < 0) {
                        pick = r;
                        break;
                    }
                }
            } else {
                pick = random.nextInt(data.length);
            }
            centres[c] = Vectors.toDouble(data[pick]);
            for (int r = 0; r < data.length; r++) {
                nearest[r] = Math.min(nearest[r], distanceSquared(data[r], centres[c]));
            }
        }
        return centres;
    }

    /** Lloyd iterations until no assignment changes; updates {@code centres} and returns the assignment. */
    private static int[] lloyd(float[][] data, double[][] centres) {
        int[] assignment = new int[data.length];
        Arrays.fill(assignment, -1);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            boolean changed = false;
            for (int r = 0; r < data.length; r++) {
                int closest = 0;
                double best = Double.POSITIVE_INFINITY;
                for (int c = 0; c < centres.length; c++) {
                    double d = distanceSquared(data[r], centres[c]);
                    if (d < best) {
                        best = d;
                        closest = c;
                    }
                }
                if (assignment[r] != closest) {
                    assignment[r] = closest;
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
            double[][] sums = new double[centres.length][data[0].length];
            int[] counts = new int[centres.length];
            for (int r = 0; r < data.length; r++) {
                counts[assignment[r]]++;
                for (int j = 0; j < data[r].length; j++) {
                    sums[assignment[r]][j] += data[r][j];
                }
            }
            for (int c = 0; c < centres.length; c++) {
                if (counts[c] > 0) {
                    for (int j = 0; j < sums[c].length; j++) {
                        centres[c][j] = sums[c][j] / counts[c];
                    }
                }
            }
        }
        return assignment;
    }

    /** Non-empty centres moved to the nearest data value per column, weighted by how many rows each holds. */
    private static Background weightedCentres(float[][] data, double[][] centres, int[] assignment) {
        int[] counts = new int[centres.length];
        for (int a : assignment) {
            counts[a]++;
        }
        List<float[]> rows = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (int c = 0; c < centres.length; c++) {
            if (counts[c] == 0) {
                continue;
            }
            float[] row = new float[centres[c].length];
            for (int j = 0; j < row.length; j++) {
                float closest = data[0][j];
                for (float[] d : data) {
                    if (Math.abs(d[j] - centres[c][j]) < Math.abs(closest - centres[c][j])) {
                        closest = d[j];
                    }
                }
                row[j] = closest;
            }
            rows.add(row);
            weights.add((double) counts[c]);
        }
        return new Background(rows.toArray(float[][]::new), weights.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static double distanceSquared(float[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            sum += d * d;
        }
        return sum;
    }
}
