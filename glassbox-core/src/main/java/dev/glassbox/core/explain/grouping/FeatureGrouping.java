package dev.glassbox.core.explain.grouping;

import dev.glassbox.core.model.Shape;
import java.util.AbstractList;
import java.util.List;

/**
 * The features a black-box explainer perturbs and attributes to, as groups of input elements: single elements or
 * tabular columns, pixels, superpixels, sliding occlusion windows, text tokens or groups the user gives. The groups of a
 * partition are disjoint; sliding windows may overlap. {@link #expand(float[])} maps one value per group back onto the
 * input, which is how group attributions are rendered.
 */
public interface FeatureGrouping {

    /** The shape of the input whose elements are grouped. */
    Shape inputShape();

    /** How many groups (features) there are. */
    int groupCount();

    /** The flattened indices of the input elements in one group, ascending; a fresh array the caller may keep. */
    int[] members(int group);

    /** A short human-readable name of one group, such as a column name, a word or {@code segment 3}. */
    String name(int group);

    /** The names of all groups, in group order. */
    default List<String> names() {
        int count = groupCount();
        return List.copyOf(new AbstractList<String>() {
            @Override
            public String get(int index) {
                return name(index);
            }

            @Override
            public int size() {
                return count;
            }
        });
    }

    /**
     * Maps one value per group onto the input: each element receives the mean of the values of the groups that contain
     * it (its group's value in a partition; for overlapping windows, the average over the windows covering it), and
     * zero when no group contains it.
     */
    default float[] expand(float[] groupValues) {
        if (groupValues.length != groupCount()) {
            throw new IllegalArgumentException(groupValues.length + " values given for " + groupCount() + " groups");
        }
        int size = inputShape().size();
        double[] sum = new double[size];
        int[] count = new int[size];
        for (int g = 0; g < groupValues.length; g++) {
            for (int element : members(g)) {
                sum[element] += groupValues[g];
                count[element]++;
            }
        }
        float[] out = new float[size];
        for (int i = 0; i < size; i++) {
            out[i] = count[i] == 0 ? 0f : (float) (sum[i] / count[i]);
        }
        return out;
    }

    /** Every element its own feature (the grouping of plain per-element attributions). */
    static FeatureGrouping elements(Shape shape) {
        return new ElementGrouping(shape, List.of());
    }

    /** Tabular columns: one feature per column, named. */
    static FeatureGrouping columns(List<String> names) {
        return new ElementGrouping(Shape.of(names.size()), names);
    }

    /**
     * Pixels of a channels-first image ({@code [C, H, W]} or {@code [H, W]}): one feature per spatial position, holding
     * that position's value in every channel.
     */
    static LabelGrouping pixels(Shape shape) {
        ImageDims dims = ImageDims.of(shape);
        int[] labels = new int[shape.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % dims.pixels();
        }
        return LabelGrouping.of(shape, labels, g -> "pixel (" + g / dims.width() + ", " + g % dims.width() + ")");
    }

    /**
     * Groups the user gives as one label per element, like Captum's feature masks: elements with the same label form one
     * group, groups are ordered by label, and elements labelled {@code -1} belong to no group (they are never perturbed).
     */
    static LabelGrouping labels(Shape shape, int[] labels) {
        return LabelGrouping.of(shape, labels, null);
    }

    /** Sliding windows as Captum's occlusion places them; see {@link WindowGrouping}. */
    static WindowGrouping windows(Shape shape, int[] window, int[] strides) {
        return new WindowGrouping(shape, window, strides);
    }
}
