package dev.glassbox.djl.interpretable;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.math.Vectors;
import dev.glassbox.core.model.Batches;
import dev.glassbox.djl.LayeredModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Explanation by example: a reference set (usually training examples) held as their features in one layer of a
 * model, and for any feature vector the k reference examples nearest to it in Euclidean distance, with their labels.
 * The k nearest labels also vote, which makes a kNN classifier on the layer's features; its {@link #agreement} with
 * the model says how much of the model's decision the layer's neighbourhoods carry.
 */
public final class NearestExamples {
    private final float[][] features;
    private final int[] labels;

    /** One reference example near a query: its index in the reference set, its label and its distance. */
    public record Neighbour(int index, int label, double distance) {
    }

    private NearestExamples(float[][] features, int[] labels) {
        if (features.length == 0 || features.length != labels.length) {
            throw new InvalidInputException("nearest examples need at least one reference example and one label per "
                    + "example, got " + features.length + " examples and " + labels.length + " labels");
        }
        this.features = features;
        this.labels = labels.clone();
    }

    /** Reference examples given by their features (one row each, all of one length) and labels. */
    public static NearestExamples ofFeatures(float[][] features, int[] labels) {
        for (float[] row : features) {
            if (row.length != features[0].length) {
                throw new InvalidInputException("every reference feature vector needs " + features[0].length
                        + " values, one has " + row.length);
            }
        }
        return new NearestExamples(features, labels);
    }

    /** Reference examples given as model inputs, held as their features in {@code layer} of {@code model}. */
    public static NearestExamples of(LayeredModel model, String layer, float[][] examples, int[] labels) {
        return ofFeatures(features(model, layer, examples), labels);
    }

    /** The outputs of {@code layer} for each input, flattened. */
    public static float[][] features(LayeredModel model, String layer, float[][] inputs) {
        Batches.requireValid(inputs, model.inputShape());
        return model.activations(inputs, layer);
    }

    /** The number of reference examples. */
    public int size() {
        return labels.length;
    }

    /** The features of reference example {@code i}. */
    public float[] feature(int i) {
        return features[i].clone();
    }

    /** The {@code k} reference examples nearest to {@code query}, nearest first (ties: the lower index first). */
    public List<Neighbour> nearest(float[] query, int k) {
        if (query.length != features[0].length) {
            throw new InvalidInputException("the query has " + query.length + " features, the reference examples "
                    + features[0].length);
        }
        if (k < 1 || k > labels.length) {
            throw new InvalidInputException("k must be between 1 and the " + labels.length
                    + " reference examples, got " + k);
        }
        double[] distances = new double[labels.length];
        for (int i = 0; i < distances.length; i++) {
            distances[i] = Math.sqrt(squaredDistance(query, features[i]));
        }
        Integer[] order = IntStream.range(0, distances.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> distances[i]).thenComparingInt(i -> i));
        List<Neighbour> out = new ArrayList<>(k);
        for (int j = 0; j < k; j++) {
            out.add(new Neighbour(order[j], labels[order[j]], distances[order[j]]));
        }
        return out;
    }

    /**
     * The label the {@code k} nearest reference examples vote for: the most frequent, ties broken in favour of the
     * label whose nearest member is nearest.
     */
    public int vote(float[] query, int k) {
        List<Neighbour> neighbours = nearest(query, k);
        int best = -1;
        long bestCount = -1;
        for (Neighbour n : neighbours) {
            long count = neighbours.stream().filter(m -> m.label() == n.label()).count();
            if (count > bestCount) {
                best = n.label();
                bestCount = count;
            }
        }
        return best;
    }

    /**
     * The share of queries (given by their features) whose kNN vote equals the class the model predicts for them,
     * {@code predictions[i]}: the kNN classifier's agreement with the model.
     */
    public double agreement(float[][] queries, int[] predictions, int k) {
        if (queries.length == 0 || queries.length != predictions.length) {
            throw new InvalidInputException("agreement needs one prediction per query and at least one query, got "
                    + queries.length + " queries and " + predictions.length + " predictions");
        }
        int agree = 0;
        for (int i = 0; i < queries.length; i++) {
            agree += vote(queries[i], k) == predictions[i] ? 1 : 0;
        }
        return agree / (double) queries.length;
    }

    /** The class the model predicts for each row of {@code scores}. */
    public static int[] predictions(float[][] scores) {
        return Arrays.stream(scores).mapToInt(Vectors::argmax).toArray();
    }

    private static double squaredDistance(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            sum += d * d;
        }
        return sum;
    }
}
