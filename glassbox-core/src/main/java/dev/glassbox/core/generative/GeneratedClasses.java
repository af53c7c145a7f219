package dev.glassbox.core.generative;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.math.Vectors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The class distribution of generated images as a classifier sees them (each image counted under its arg-max class):
 * a class that never appears is a mode the generator lost (mode collapse). The normalised entropy of the distribution
 * is 1 when every class is equally frequent and 0 when one class takes everything.
 *
 * @param classes the class names, in the classifier's output order
 * @param counts how many images fall in each class
 */
public record GeneratedClasses(List<String> classes, int[] counts) {
    /** Checks that there is one count per class. */
    public GeneratedClasses {
        classes = List.copyOf(classes);
        counts = counts.clone();
        if (classes.size() < 2 || counts.length != classes.size()) {
            throw new InvalidInputException("a class distribution needs at least two classes and one count per class; "
                    + "got " + classes.size() + " classes and " + counts.length + " counts");
        }
    }

    /** Counts the arg-max class of every row of scores; {@code classes} names the columns. */
    public static GeneratedClasses of(float[][] scores, List<String> classes) {
        if (scores.length == 0) {
            throw new InvalidInputException("a class distribution needs at least one scored image");
        }
        int[] counts = new int[classes.size()];
        for (float[] row : scores) {
            if (row.length != classes.size()) {
                throw new InvalidInputException("scores must have one value per class (" + classes.size() + "); a row "
                        + "has " + row.length);
            }
            counts[Vectors.argmax(row)]++;
        }
        return new GeneratedClasses(classes, counts);
    }

    /** The number of images counted. */
    public int total() {
        int total = 0;
        for (int c : counts) {
            total += c;
        }
        return total;
    }

    /** The share of images in each class, in class order. */
    public double[] shares() {
        double[] out = new double[counts.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = counts[k] / (double) total();
        }
        return out;
    }

    /** The classes no image fell in. */
    public List<String> missing() {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] == 0) {
                out.add(classes.get(k));
            }
        }
        return out;
    }

    /** The smallest share of any class. */
    public double smallestShare() {
        double smallest = 1;
        for (double s : shares()) {
            smallest = Math.min(smallest, s);
        }
        return smallest;
    }

    /** The entropy of the shares divided by {@code log K}: 1 for a uniform distribution, 0 for one class. */
    public double normalisedEntropy() {
        double entropy = 0;
        for (double s : shares()) {
            if (s > 0) {
                entropy -= s * Math.log(s);
            }
        }
        return entropy / Math.log(counts.length);
    }

    /** Class name to count, in class order (for JSON). */
    public Map<String, Integer> byName() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int k = 0; k < counts.length; k++) {
            out.put(classes.get(k), counts[k]);
        }
        return out;
    }
}
