package dev.glassbox.djl.model;

import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import dev.glassbox.core.InvalidInputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A DJL {@link SequentialBlock} whose layers carry names chosen by the author (DJL numbers them), so that explainers
 * can address a layer as {@code "conv5"} or {@code "dropout"}.
 */
public final class NamedBlocks {
    private final SequentialBlock block = new SequentialBlock();
    private final List<String> names = new ArrayList<>();

    /** Appends a layer under a unique name. */
    public NamedBlocks add(String name, Block layer) {
        if (names.contains(name)) {
            throw new InvalidInputException("layer name '" + name + "' is used twice");
        }
        names.add(name);
        block.add(layer);
        return this;
    }

    /** The sequential block to train or run. */
    public SequentialBlock block() {
        return block;
    }

    /** Layer names in forward order, one per child of {@link #block()}. */
    public List<String> names() {
        return Collections.unmodifiableList(names);
    }

    /** The position of a layer, with a clear error that lists the known names when it is missing. */
    public int indexOf(String name) {
        int index = names.indexOf(name);
        if (index < 0) {
            throw new InvalidInputException("no layer named '" + name + "'; layers: " + String.join(", ", new LinkedHashSet<>(names)));
        }
        return index;
    }

    /** The layer with this name. */
    public Block layer(String name) {
        return block.getChildren().get(indexOf(name)).getValue();
    }
}
