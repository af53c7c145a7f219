package dev.glassbox.core.generative;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.input.ImageWriter;
import dev.glassbox.core.model.Shape;

/**
 * Lays images of one {@code C×H×W} shape out on a grid, row after row, with a grey gap between them, as one PNG:
 * sample grids (one image per cell) and latent interpolations (one path per row).
 */
public final class ImageTiling {
    /** The width of the gap between cells, in pixels. */
    public static final int GAP = 2;
    private static final float GAP_VALUE = 0.5f;

    private ImageTiling() {
    }

    /** The PNG of {@code images} (each of {@code shape}, values in [0, 1]) in rows of {@code columns}. */
    public static byte[] toPng(float[][] images, Shape shape, int columns) {
        if (images.length == 0 || columns < 1) {
            throw new InvalidInputException("a grid needs at least one image and one column; got " + images.length
                    + " images and " + columns + " columns");
        }
        if (shape.rank() != 3) {
            throw new InvalidInputException("grid cells must be C×H×W images; got shape " + shape);
        }
        int channels = shape.dim(0);
        int height = shape.dim(1);
        int width = shape.dim(2);
        int rows = (images.length + columns - 1) / columns;
        int gridHeight = rows * height + (rows + 1) * GAP;
        int gridWidth = columns * width + (columns + 1) * GAP;
        float[] grid = new float[channels * gridHeight * gridWidth];
        java.util.Arrays.fill(grid, GAP_VALUE);
        for (int i = 0; i < images.length; i++) {
            if (images[i].length != shape.size()) {
                throw new InvalidInputException("image " + i + " holds " + images[i].length + " values; shape " + shape
                        + " needs " + shape.size());
            }
            int top = GAP + (i / columns) * (height + GAP);
            int left = GAP + (i % columns) * (width + GAP);
            for (int c = 0; c < channels; c++) {
                for (int y = 0; y < height; y++) {
                    System.arraycopy(images[i], (c * height + y) * width, grid,
                            (c * gridHeight + top + y) * gridWidth + left, width);
                }
            }
        }
        return ImageWriter.toPng(grid, Shape.of(channels, gridHeight, gridWidth));
    }
}
