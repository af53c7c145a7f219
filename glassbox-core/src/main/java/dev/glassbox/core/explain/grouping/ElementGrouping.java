package dev.glassbox.core.explain.grouping;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.model.Shape;
import java.util.List;

/** Every input element is its own feature, optionally named (tabular columns). */
record ElementGrouping(Shape inputShape, List<String> columnNames) implements FeatureGrouping {

    ElementGrouping {
        columnNames = List.copyOf(columnNames);
        if (!columnNames.isEmpty() && columnNames.size() != inputShape.size()) {
            throw new InvalidInputException(columnNames.size() + " column names given for " + inputShape.size() + " columns");
        }
    }

    @Override
    public int groupCount() {
        return inputShape.size();
    }

    @Override
    public int[] members(int group) {
        return new int[] {group};
    }

    @Override
    public String name(int group) {
        return columnNames.isEmpty() ? "x[" + group + "]" : columnNames.get(group);
    }

    @Override
    public float[] expand(float[] groupValues) {
        if (groupValues.length != groupCount()) {
            throw new IllegalArgumentException(groupValues.length + " values given for " + groupCount() + " elements");
        }
        return groupValues.clone();
    }

    @Override
    public String toString() {
        return columnNames.isEmpty() ? "elements" : "columns";
    }
}
