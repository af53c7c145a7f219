package dev.glassbox.core.input;

import java.util.List;

/** Numeric feature rows read from a CSV file together with the text of each row's label column. */
public record LabelledTable(TabularData features, String labelColumn, List<String> labels) {

    public LabelledTable {
        labels = List.copyOf(labels);
        if (labels.size() != features.rowCount()) {
            throw new IllegalArgumentException(labels.size() + " labels for " + features.rowCount() + " rows");
        }
    }
}
