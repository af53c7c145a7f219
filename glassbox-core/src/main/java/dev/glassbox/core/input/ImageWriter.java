package dev.glassbox.core.input;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.model.Shape;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Writes channels-first values in [0, 1] as an 8-bit PNG, grey for one channel and RGB for three, for thumbnails and
 * previews. Values outside [0, 1] are clamped and NaN is written as 0.
 */
public final class ImageWriter {
    private ImageWriter() {
    }

    /** The PNG bytes of a {@code C×H×W} (C = 1 or 3) or {@code H×W} array. */
    public static byte[] toPng(float[] values, Shape shape) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(toImage(values, shape), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The PNG bytes of a sample, as {@link #toPng(float[], Shape)}. */
    public static byte[] toPng(Sample sample) {
        return toPng(sample.values(), sample.shape());
    }

    /** Writes a {@code C×H×W} (C = 1 or 3) or {@code H×W} array to a PNG file. */
    public static void write(float[] values, Shape shape, Path file) throws IOException {
        Files.write(file, toPng(values, shape));
    }

    /** An 8-bit grey or RGB image of a {@code C×H×W} (C = 1 or 3) or {@code H×W} array. */
    public static BufferedImage toImage(float[] values, Shape shape) {
        int rank = shape.rank();
        int channels = rank == 3 ? shape.dim(0) : 1;
        if ((rank != 2 && rank != 3) || (channels != 1 && channels != 3)) {
            throw new InvalidInputException("cannot write shape " + shape + " as an image: expected 1×H×W, 3×H×W or H×W");
        }
        if (values.length != shape.size()) {
            throw new InvalidInputException("cannot write " + values.length + " values as an image of shape " + shape);
        }
        int height = shape.dim(rank - 2);
        int width = shape.dim(rank - 1);
        int plane = height * width;
        BufferedImage image = new BufferedImage(width, height,
                channels == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
        WritableRaster raster = image.getRaster();
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    raster.setSample(x, y, c, toByte(values[c * plane + y * width + x]));
                }
            }
        }
        return image;
    }

    private static int toByte(float value) {
        if (!(value > 0)) {
            return 0;
        }
        return value >= 1 ? 255 : Math.round(value * 255);
    }
}
