package dev.glassbox.core.input;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.model.Batches;
import dev.glassbox.core.model.Shape;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads PNG and JPEG images into channels-first samples ({@code C×H×W}) with values in [0, 1], optionally normalised.
 *
 * <p>Pixel values are taken as stored in the file: 8-bit samples are divided by 255 and 16-bit samples by 65535, with
 * no colour management, as Python imaging libraries do. Palette images are expanded through their palette, and an
 * alpha channel is dropped.
 *
 * <p>An image's width and height are read from its header before its pixels are decoded: images above {@link
 * #MAX_PIXELS} are refused without decoding them (a few kilobytes of PNG can declare 20,000 × 20,000 pixels, whose raster
 * alone would take gigabytes).
 */
public final class ImageReader {
    /**
     * The most pixels an image may have: 50 megapixels (about 7,000 × 7,000), far above what image models take (a few
     * hundred pixels a side) while a decoded RGB image of this size still fits in memory (600 MB as floats).
     */
    public static final long MAX_PIXELS = 50_000_000L;

    private static final float RED_WEIGHT = 0.299f;
    private static final float GREEN_WEIGHT = 0.587f;
    private static final float BLUE_WEIGHT = 0.114f;

    private ImageReader() {
    }

    /**
     * Reads one image file. Throws {@link InvalidInputException} when the file is missing, is not an image, or the
     * normalisation does not fit its channels.
     */
    public static Sample read(Path file, ImageOptions options) {
        return read(decode(file), InputPaths.name(file), options);
    }

    /** Converts an image already in memory, naming the sample {@code name}. */
    public static Sample read(BufferedImage image, String name, ImageOptions options) {
        float[][] planes = convert(planes(image), options.channels());
        int channels = planes.length;
        int plane = image.getWidth() * image.getHeight();
        float[] values = new float[channels * plane];
        for (int c = 0; c < channels; c++) {
            System.arraycopy(planes[c], 0, values, c * plane, plane);
        }
        options.normalise(values, channels, "image " + name);
        Batches.requireFinite(values, "image " + name);
        return new Sample(name, Shape.of(channels, image.getHeight(), image.getWidth()), values);
    }

    /** An image's width and height, as its header declares them. */
    public record Dimensions(int width, int height) {
        /** Width × height. */
        public long pixels() {
            return (long) width * height;
        }
    }

    /**
     * The width and height {@code file}'s header declares, read without decoding its pixels. Throws {@link
     * InvalidInputException} when the file is missing, is not an image, or has more than {@link #MAX_PIXELS} pixels.
     */
    public static Dimensions dimensions(Path file) {
        String name = InputPaths.name(file);
        InputPaths.requireFile(file);
        try (java.io.InputStream stream = Files.newInputStream(file);
                ImageInputStream in = ImageIO.createImageInputStream(stream)) {
            javax.imageio.ImageReader reader = readerFor(in, name);
            try {
                return checked(reader, name);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw new InvalidInputException("cannot read image " + name + ": the file is damaged or truncated ("
                    + e.getMessage() + ")", e);
        }
    }

    private static javax.imageio.ImageReader readerFor(ImageInputStream in, String name) {
        java.util.Iterator<javax.imageio.ImageReader> readers = in == null ? java.util.Collections.emptyIterator()
                : ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            throw new InvalidInputException("cannot read image " + name + ": not a PNG or JPEG file");
        }
        javax.imageio.ImageReader reader = readers.next();
        reader.setInput(in, true, true);
        return reader;
    }

    private static Dimensions checked(javax.imageio.ImageReader reader, String name) throws IOException {
        Dimensions dimensions = new Dimensions(reader.getWidth(0), reader.getHeight(0));
        if (dimensions.pixels() > MAX_PIXELS) {
            throw new InvalidInputException(String.format(java.util.Locale.ROOT, "image %s is %,d × %,d pixels "
                    + "(%.0f megapixels): glassbox reads images of at most %d megapixels; scale it down to the size "
                    + "the model takes", name, dimensions.width(), dimensions.height(), dimensions.pixels() / 1e6,
                    MAX_PIXELS / 1_000_000));
        }
        return dimensions;
    }

    private static BufferedImage decode(Path file) {
        InputPaths.requireFile(file);
        String name = InputPaths.name(file);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read image " + name + ": " + e.getMessage(), e);
        }
        BufferedImage image;
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            javax.imageio.ImageReader reader = readerFor(in, name);
            try {
                checked(reader, name);
                image = reader.read(0, reader.getDefaultReadParam());
            } finally {
                reader.dispose();
            }
        } catch (InvalidInputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException("cannot read image " + name + ": the file is damaged or truncated ("
                    + e.getMessage() + ")", e);
        }
        if (image == null) {
            throw new InvalidInputException("cannot read image " + name + ": not a PNG or JPEG file");
        }
        return image;
    }

    /** The image's own channels, one or three planes of {@code H*W} values in [0, 1]. */
    private static float[][] planes(BufferedImage image) {
        ColorModel model = image.getColorModel();
        Raster raster = image.getRaster();
        if (model instanceof IndexColorModel palette) {
            return palettePlanes(palette, raster);
        }
        boolean integral = raster.getTransferType() == DataBuffer.TYPE_BYTE
                || raster.getTransferType() == DataBuffer.TYPE_USHORT || raster.getTransferType() == DataBuffer.TYPE_INT;
        int colourType = model.getColorSpace().getType();
        if (integral && !model.isAlphaPremultiplied()) {
            if (colourType == ColorSpace.TYPE_GRAY && model.getNumColorComponents() == 1) {
                return rasterPlanes(raster, 1);
            }
            if (colourType == ColorSpace.TYPE_RGB && model.getNumColorComponents() == 3) {
                return rasterPlanes(raster, 3);
            }
        }
        return argbPlanes(image);
    }

    /** The first {@code bands} bands of the raster, each scaled by its largest value. */
    private static float[][] rasterPlanes(Raster raster, int bands) {
        int width = raster.getWidth();
        int height = raster.getHeight();
        float[][] planes = new float[bands][];
        for (int b = 0; b < bands; b++) {
            int bits = raster.getSampleModel().getSampleSize(b);
            double max = (1L << bits) - 1;
            int[] samples = raster.getSamples(raster.getMinX(), raster.getMinY(), width, height, b, (int[]) null);
            float[] plane = new float[samples.length];
            for (int i = 0; i < samples.length; i++) {
                plane[i] = (float) ((samples[i] & 0xffffffffL) / max);
            }
            planes[b] = plane;
        }
        return planes;
    }

    /** Palette indices looked up in the palette: one plane when every entry is grey, else three. */
    private static float[][] palettePlanes(IndexColorModel palette, Raster raster) {
        boolean grey = true;
        for (int i = 0; i < palette.getMapSize(); i++) {
            grey &= palette.getRed(i) == palette.getGreen(i) && palette.getGreen(i) == palette.getBlue(i);
        }
        int[] indices = raster.getSamples(raster.getMinX(), raster.getMinY(), raster.getWidth(), raster.getHeight(), 0,
                (int[]) null);
        float[][] planes = new float[grey ? 1 : 3][indices.length];
        for (int i = 0; i < indices.length; i++) {
            int index = indices[i];
            planes[0][i] = palette.getRed(index) / 255f;
            if (!grey) {
                planes[1][i] = palette.getGreen(index) / 255f;
                planes[2][i] = palette.getBlue(index) / 255f;
            }
        }
        return planes;
    }

    /** Any other image, through its 8-bit sRGB rendering. */
    private static float[][] argbPlanes(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] argb = image.getRGB(0, 0, width, height, null, 0, width);
        float[][] planes = new float[3][argb.length];
        for (int i = 0; i < argb.length; i++) {
            planes[0][i] = ((argb[i] >> 16) & 0xff) / 255f;
            planes[1][i] = ((argb[i] >> 8) & 0xff) / 255f;
            planes[2][i] = (argb[i] & 0xff) / 255f;
        }
        return planes;
    }

    /** Converts the image's planes to the requested channels. */
    private static float[][] convert(float[][] planes, Channels channels) {
        if (channels == Channels.GREY && planes.length == 3) {
            float[] grey = new float[planes[0].length];
            for (int i = 0; i < grey.length; i++) {
                float luminance = RED_WEIGHT * planes[0][i] + GREEN_WEIGHT * planes[1][i] + BLUE_WEIGHT * planes[2][i];
                grey[i] = Math.min(1f, luminance);
            }
            return new float[][] {grey};
        }
        if (channels == Channels.RGB && planes.length == 1) {
            return new float[][] {planes[0], planes[0], planes[0]};
        }
        return planes;
    }
}
