package dev.glassbox.djl.inspect;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.model.Shape;
import java.util.Random;

/**
 * How feature visualisation writes an image as free parameters: {@link Basis#PIXELS} (one parameter per value) or
 * {@link Basis#FOURIER} (the 1/f-scaled spectrum of {@link FourierBasis}, one per channel). For RGB images the
 * channels are decorrelated as in Lucid (Olah et al. 2017): the parameters describe three decorrelated channels
 * mixed into red, green and blue by the square root of ImageNet's colour covariance, normalised to unit column norm.
 * A sigmoid then maps every value into [0, 1], the image range; grey-scale images skip the colour mixing.
 */
public final class ImageParameterisation {
    /**
     * The square root of ImageNet's colour correlation (rows red, green, blue), as published with Lucid; divided by its
     * largest column norm before use.
     */
    private static final double[][] COLOUR_SQRT = {{0.26, 0.09, 0.02}, {0.27, 0.00, -0.05}, {0.27, -0.09, 0.03}};
    private static final double INITIAL_SD = 0.01;

    /** The image's coordinates. */
    public enum Basis {
        /** One parameter per pixel value. */
        PIXELS,
        /** A 1/f-scaled Fourier spectrum per channel. */
        FOURIER
    }

    private final Shape shape;
    private final Basis basis;
    private final FourierBasis fourier;
    private final double[][] colours;

    /** A parameterisation of images of {@code shape} (1×H×W or 3×H×W); {@code decay} is the 1/f exponent (1). */
    public ImageParameterisation(Shape shape, Basis basis, double decay) {
        if (shape.rank() != 3 || (shape.dim(0) != 1 && shape.dim(0) != 3)) {
            throw new InvalidInputException("feature visualisation draws images of shape 1×H×W or 3×H×W, not " + shape);
        }
        this.shape = shape;
        this.basis = basis;
        this.fourier = basis == Basis.FOURIER ? new FourierBasis(shape.dim(1), shape.dim(2), decay) : null;
        this.colours = shape.dim(0) == 3 ? normalisedColours() : null;
    }

    private static double[][] normalisedColours() {
        double largest = 0;
        for (int j = 0; j < 3; j++) {
            largest = Math.max(largest, Math.sqrt(COLOUR_SQRT[0][j] * COLOUR_SQRT[0][j]
                    + COLOUR_SQRT[1][j] * COLOUR_SQRT[1][j] + COLOUR_SQRT[2][j] * COLOUR_SQRT[2][j]));
        }
        double[][] out = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                out[i][j] = COLOUR_SQRT[i][j] / largest;
            }
        }
        return out;
    }

    /** The image shape. */
    public Shape shape() {
        return shape;
    }

    /** The basis. */
    public Basis basis() {
        return basis;
    }

    /** How many parameters one image has. */
    public int parameterCount() {
        return shape.dim(0) * (fourier == null ? plane() : fourier.size());
    }

    /** Starting parameters: independent normal draws with standard deviation 0.01 (an image close to mid-grey). */
    public float[] initial(Random random) {
        float[] p = new float[parameterCount()];
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) (INITIAL_SD * random.nextGaussian());
        }
        return p;
    }

    /** The image, channels first, values in (0, 1). */
    public float[] image(float[] parameters) {
        double[] mixed = mixed(parameters);
        float[] image = new float[mixed.length];
        for (int i = 0; i < image.length; i++) {
            image[i] = (float) (1 / (1 + Math.exp(-mixed[i])));
        }
        return image;
    }

    /** The gradient with respect to the parameters of a function whose gradient at {@code image(parameters)} is given. */
    public float[] pullBack(float[] image, float[] imageGradient) {
        int channels = shape.dim(0);
        int plane = plane();
        double[] mixedGradient = new double[image.length];
        for (int i = 0; i < image.length; i++) {
            mixedGradient[i] = imageGradient[i] * (double) image[i] * (1 - image[i]);
        }
        double[] gradient = colours == null ? mixedGradient : new double[image.length];
        if (colours != null) {
            for (int j = 0; j < 3; j++) {
                for (int i = 0; i < 3; i++) {
                    for (int p = 0; p < plane; p++) {
                        gradient[j * plane + p] += colours[i][j] * mixedGradient[i * plane + p];
                    }
                }
            }
        }
        float[] out = new float[parameterCount()];
        for (int c = 0; c < channels; c++) {
            if (fourier == null) {
                for (int p = 0; p < plane; p++) {
                    out[c * plane + p] = (float) gradient[c * plane + p];
                }
            } else {
                double[] planeGradient = java.util.Arrays.copyOfRange(gradient, c * plane, (c + 1) * plane);
                fourier.pullBack(planeGradient, out, c * fourier.size());
            }
        }
        return out;
    }

    /** The values before the sigmoid: the basis' planes, colour-mixed for RGB. */
    private double[] mixed(float[] parameters) {
        if (parameters.length != parameterCount()) {
            throw new IllegalArgumentException("expected " + parameterCount() + " parameters, got " + parameters.length);
        }
        int channels = shape.dim(0);
        int plane = plane();
        double[] planes = new double[channels * plane];
        double[] one = new double[plane];
        for (int c = 0; c < channels; c++) {
            if (fourier == null) {
                for (int p = 0; p < plane; p++) {
                    planes[c * plane + p] = parameters[c * plane + p];
                }
            } else {
                fourier.synthesise(parameters, c * fourier.size(), one);
                System.arraycopy(one, 0, planes, c * plane, plane);
            }
        }
        if (colours == null) {
            return planes;
        }
        double[] rgb = new double[planes.length];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int p = 0; p < plane; p++) {
                    rgb[i * plane + p] += colours[i][j] * planes[j * plane + p];
                }
            }
        }
        return rgb;
    }

    private int plane() {
        return shape.dim(1) * shape.dim(2);
    }
}
