package dev.glassbox.djl.interpretable;

import dev.glassbox.core.InvalidInputException;
import java.util.List;
import java.util.stream.IntStream;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.common.tree.TreeModel;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * A decision tree fitted to a model's predicted classes: Tribuo's CART classification tree (Gini impurity, every
 * feature tried at every split, so the fit is deterministic) of bounded depth, on the model's inputs or on features
 * of them.
 */
public final class TreeSurrogate implements GlobalSurrogate {
    private static final LabelFactory LABELS = new LabelFactory();
    private final TreeModel<Label> tree;
    private final TribuoRows rows;

    private TreeSurrogate(TreeModel<Label> tree, TribuoRows rows) {
        this.tree = tree;
        this.rows = rows;
    }

    /** Fits a tree of at most {@code maxDepth} levels to predict {@code modelClasses[i]} from {@code rows[i]}. */
    public static TreeSurrogate fit(float[][] rows, int[] modelClasses, int maxDepth) {
        TribuoRows.requireFit(rows, modelClasses.length);
        if (maxDepth < 1) {
            throw new InvalidInputException("a surrogate tree needs a depth of at least 1, got " + maxDepth);
        }
        TribuoRows columns = TribuoRows.of(rows);
        List<Example<Label>> examples = IntStream.range(0, rows.length).<Example<Label>>mapToObj(
                i -> columns.example(new Label(Integer.toString(modelClasses[i])), rows[i])).toList();
        ListDataSource<Label> source = new ListDataSource<>(examples, LABELS,
                new SimpleDataSourceProvenance("model predictions", LABELS));
        MutableDataset<Label> data = new MutableDataset<>(source);
        return new TreeSurrogate(new CARTClassificationTrainer(maxDepth).train(data), columns);
    }

    @Override
    public int predict(float[] input) {
        return Integer.parseInt(tree.predict(rows.example(LABELS.getUnknownOutput(), input)).getOutput()
                .getLabel());
    }

    /** The number of leaves (a binary tree of n nodes has (n + 1) / 2). */
    @Override
    public int size() {
        return (tree.countNodes(tree.getRoot()) + 1) / 2;
    }

    /** The depth the fitted tree reached. */
    public int depth() {
        return tree.getDepth();
    }
}
