package dev.glassbox.core.explain.grouping;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.model.Shape;
import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * A partition of an input's elements given by one label per element: pixels, superpixels, user-given groups. Groups
 * are the distinct non-negative labels in ascending order; elements labelled {@code -1} are in no group.
 */
public final class LabelGrouping implements FeatureGrouping {
    private final Shape shape;
    private final int[] groupOf;
    private final int[][] members;
    private final int[] groupLabels;
    private final IntFunction<String> namer;

    private LabelGrouping(Shape shape, int[] groupOf, int[][] members, int[] groupLabels, IntFunction<String> namer) {
        this.shape = shape;
        this.groupOf = groupOf;
        this.members = members;
        this.groupLabels = groupLabels;
        this.namer = namer;
    }

    /**
     * A grouping from one label per element. {@code namer} names a group from its label; {@code null} names it
     * {@code group <label>}.
     */
    public static LabelGrouping of(Shape shape, int[] labels, IntFunction<String> namer) {
        if (labels.length != shape.size()) {
            throw new InvalidInputException(labels.length + " labels given for an input of shape " + shape + " ("
                    + shape.size() + " elements)");
        }
        int[] distinct = Arrays.stream(labels).filter(l -> l >= 0).distinct().sorted().toArray();
        if (distinct.length == 0) {
            throw new InvalidInputException("the grouping has no group: every label is -1");
        }
        int[] counts = new int[distinct.length];
        int[] groupOf = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < -1) {
                throw new InvalidInputException("label " + labels[i] + " at element " + i
                        + " is invalid: labels are group numbers >= 0, or -1 for elements in no group");
            }
            groupOf[i] = labels[i] < 0 ? -1 : Arrays.binarySearch(distinct, labels[i]);
            if (groupOf[i] >= 0) {
                counts[groupOf[i]]++;
            }
        }
        int[][] members = new int[distinct.length][];
        for (int g = 0; g < members.length; g++) {
            members[g] = new int[counts[g]];
            counts[g] = 0;
        }
        for (int i = 0; i < groupOf.length; i++) {
            if (groupOf[i] >= 0) {
                members[groupOf[i]][counts[groupOf[i]]++] = i;
            }
        }
        return new LabelGrouping(shape, groupOf, members, distinct, namer == null ? l -> "group " + l : namer);
    }

    @Override
    public Shape inputShape() {
        return shape;
    }

    @Override
    public int groupCount() {
        return members.length;
    }

    @Override
    public int[] members(int group) {
        return members[group].clone();
    }

    @Override
    public String name(int group) {
        return namer.apply(groupLabels[group]);
    }

    /** The group of each element ({@code 0 .. groupCount()-1}, or {@code -1}), flattened in row-major order. */
    public int[] groupOfElements() {
        return groupOf.clone();
    }

    @Override
    public float[] expand(float[] groupValues) {
        if (groupValues.length != members.length) {
            throw new IllegalArgumentException(groupValues.length + " values given for " + members.length + " groups");
        }
        float[] out = new float[groupOf.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = groupOf[i] < 0 ? 0f : groupValues[groupOf[i]];
        }
        return out;
    }

    @Override
    public String toString() {
        return "groups(" + members.length + ")";
    }
}
