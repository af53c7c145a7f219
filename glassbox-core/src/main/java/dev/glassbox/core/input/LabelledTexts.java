package dev.glassbox.core.input;

import java.util.Arrays;
import java.util.List;

/**
 * Texts with a class label each, as read by {@link TextFiles#readLabelled}.
 *
 * @param ids an identifier per text (its origin in the corpus)
 * @param texts the texts
 * @param labels the class index of each text
 * @param classes the class names, by index
 */
public record LabelledTexts(List<String> ids, List<String> texts, int[] labels, List<String> classes) {

    public LabelledTexts {
        ids = List.copyOf(ids);
        texts = List.copyOf(texts);
        classes = List.copyOf(classes);
        labels = labels.clone();
        if (ids.size() != texts.size() || labels.length != texts.size()) {
            throw new IllegalArgumentException(ids.size() + " ids and " + labels.length + " labels for " + texts.size()
                    + " texts");
        }
    }

    /** The number of texts. */
    public int count() {
        return texts.size();
    }

    /** Texts {@code from} (inclusive) to {@code to} (exclusive). */
    public LabelledTexts slice(int from, int to) {
        return new LabelledTexts(ids.subList(from, to), texts.subList(from, to), Arrays.copyOfRange(labels, from, to),
                classes);
    }
}
