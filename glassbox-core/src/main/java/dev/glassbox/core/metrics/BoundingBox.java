package dev.glassbox.core.metrics;

import dev.glassbox.core.InvalidInputException;

/**
 * A box around an object, in input pixels: its top row, left column, height and width (rows {@code row … row +
 * height − 1}, columns {@code col … col + width − 1}). What localisation metrics compare an attribution map with.
 */
public record BoundingBox(int row, int col, int height, int width) {

    public BoundingBox {
        if (row < 0 || col < 0 || height < 1 || width < 1) {
            throw new InvalidInputException("bounding box " + text(row, col, height, width) + " is not a box: row and "
                    + "column must be 0 or more, height and width 1 or more");
        }
    }

    /** Reads {@code row,col,height,width}. */
    public static BoundingBox parse(String text) {
        String[] parts = text == null ? new String[0] : text.trim().split("\\s*,\\s*");
        if (parts.length != 4) {
            throw new InvalidInputException("cannot read bounding box '" + text + "': expected row,col,height,width");
        }
        int[] v = new int[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                throw new InvalidInputException("cannot read bounding box '" + text
                        + "': expected four whole numbers row,col,height,width");
            }
        }
        return new BoundingBox(v[0], v[1], v[2], v[3]);
    }

    /** Whether pixel {@code (y, x)} lies in the box. */
    public boolean contains(int y, int x) {
        return y >= row && y < row + height && x >= col && x < col + width;
    }

    /** The number of pixels in the box. */
    public int area() {
        return height * width;
    }

    /** Throws unless the box lies inside an image of {@code imageHeight × imageWidth} pixels. */
    public void requireInside(int imageHeight, int imageWidth) {
        if (row + height > imageHeight || col + width > imageWidth) {
            throw new InvalidInputException("bounding box " + this + " reaches outside the " + imageHeight + "×"
                    + imageWidth + " image: rows must end by " + imageHeight + " and columns by " + imageWidth);
        }
    }

    private static String text(int row, int col, int height, int width) {
        return "(row " + row + ", col " + col + ", height " + height + ", width " + width + ")";
    }

    @Override
    public String toString() {
        return text(row, col, height, width);
    }
}
