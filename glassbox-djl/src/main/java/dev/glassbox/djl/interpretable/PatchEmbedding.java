package dev.glassbox.djl.interpretable;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import dev.glassbox.core.InvalidInputException;

/**
 * A vision transformer's input layer (Dosovitskiy et al. 2021): the image cut into non-overlapping
 * {@code patch × patch} squares, each mapped linearly to a {@code width}-dimensional token (a convolution with stride
 * equal to its kernel), a learned class token prepended, and a learned position embedding added. Images of
 * {@code batch × channels × H × W} become tokens of {@code batch × (1 + (H/patch)(W/patch)) × width}, the class
 * token first and the patches in row-major order.
 */
public final class PatchEmbedding extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int patch;
    private final int width;
    private final Conv2d projection;
    private final Parameter classToken;
    private final Parameter positions;

    /** Tokens of {@code width} features from squares of side {@code patch}. */
    public PatchEmbedding(int patch, int width) {
        super(VERSION);
        if (patch < 1 || width < 1) {
            throw new InvalidInputException("a patch embedding needs a positive patch size and width, got " + patch
                    + " and " + width);
        }
        this.patch = patch;
        this.width = width;
        projection = addChildBlock("projection", Conv2d.builder().setKernelShape(new Shape(patch, patch))
                .optStride(new Shape(patch, patch)).setFilters(width).build());
        classToken = addParameter(Parameter.builder().setName("classToken").setType(Parameter.Type.WEIGHT)
                .optInitializer(new NormalInitializer(0.02f)).optShape(new Shape(1, 1, width)).build());
        positions = addParameter(Parameter.builder().setName("positions").setType(Parameter.Type.WEIGHT)
                .optInitializer(new NormalInitializer(0.02f)).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray images = inputs.singletonOrThrow();
        NDArray grid = projection.forward(store, inputs, training).singletonOrThrow();
        long batch = grid.getShape().get(0);
        NDArray patches = grid.reshape(batch, width, -1).transpose(0, 2, 1);
        NDManager manager = images.getManager();
        NDArray cls = manager.zeros(new Shape(batch, 1, width), images.getDataType())
                .add(store.getValue(classToken, images.getDevice(), training));
        return new NDList(NDArrays.concat(new NDList(cls, patches), 1)
                .add(store.getValue(positions, images.getDevice(), training)));
    }

    /** The number of patches along each side of an image of {@code rows × cols}. */
    private long[] grid(Shape image) {
        long rows = image.get(2) / patch;
        long cols = image.get(3) / patch;
        if (image.dimension() != 4 || rows * patch != image.get(2) || cols * patch != image.get(3)) {
            throw new InvalidInputException("a patch embedding of " + patch + "×" + patch + " patches takes batch × "
                    + "channels × rows × columns images whose sides are multiples of " + patch + ", got " + image);
        }
        return new long[] {rows, cols};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        projection.initialize(manager, dataType, inputShapes);
    }

    @Override
    public void prepare(Shape[] inputShapes) {
        long[] grid = grid(inputShapes[0]);
        positions.setShape(new Shape(1, 1 + grid[0] * grid[1], width));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long[] grid = grid(inputShapes[0]);
        return new Shape[] {new Shape(inputShapes[0].get(0), 1 + grid[0] * grid[1], width)};
    }
}
