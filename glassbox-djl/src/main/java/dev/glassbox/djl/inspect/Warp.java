package dev.glassbox.djl.inspect;

/**
 * A geometric resampling of image planes by bilinear interpolation: each output pixel reads four input pixels with
 * weights, and taps outside the input read a constant fill. It is affine in the input, so its adjoint (which pulls
 * gradients back to the input) scatters each output gradient to the same four taps with the same weights.
 */
public final class Warp {
    /** Maps an output pixel to the (row, column) it reads in input pixel coordinates. */
    @FunctionalInterface
    interface Source {
        /** Writes the source row and column of output pixel (y, x) into {@code out}. */
        void of(int y, int x, double[] out);
    }

    private final int inHeight;
    private final int inWidth;
    private final int outHeight;
    private final int outWidth;
    private final int[] taps;
    private final float[] weights;
    private final float[] fillWeight;
    private final float fill;

    /**
     * A warp from {@code inH×inW} to {@code outH×outW} planes; taps outside the input read {@code fill}, or, when
     * {@code clamp}, the nearest edge pixel.
     */
    Warp(int inH, int inW, int outH, int outW, Source source, boolean clamp, float fill) {
        this.inHeight = inH;
        this.inWidth = inW;
        this.outHeight = outH;
        this.outWidth = outW;
        this.fill = fill;
        int n = outH * outW;
        taps = new int[4 * n];
        weights = new float[4 * n];
        fillWeight = new float[n];
        double[] at = new double[2];
        for (int y = 0; y < outH; y++) {
            for (int x = 0; x < outW; x++) {
                int o = y * outW + x;
                source.of(y, x, at);
                double sy = clamp ? Math.min(Math.max(at[0], 0), inH - 1) : at[0];
                double sx = clamp ? Math.min(Math.max(at[1], 0), inW - 1) : at[1];
                int y0 = (int) Math.floor(sy);
                int x0 = (int) Math.floor(sx);
                double wy = sy - y0;
                double wx = sx - x0;
                for (int t = 0; t < 4; t++) {
                    int ty = y0 + t / 2;
                    int tx = x0 + t % 2;
                    double weight = (t / 2 == 0 ? 1 - wy : wy) * (t % 2 == 0 ? 1 - wx : wx);
                    boolean inside = ty >= 0 && ty < inH && tx >= 0 && tx < inW;
                    taps[4 * o + t] = inside ? ty * inW + tx : -1;
                    weights[4 * o + t] = (float) weight;
                    if (!inside) {
                        fillWeight[o] += (float) weight;
                    }
                }
            }
        }
    }

    /** The output height. */
    public int outHeight() {
        return outHeight;
    }

    /** The output width. */
    public int outWidth() {
        return outWidth;
    }

    /** Resamples every plane of {@code planes × inH × inW} values. */
    public float[] apply(float[] image, int planes) {
        int in = inHeight * inWidth;
        int out = outHeight * outWidth;
        float[] result = new float[planes * out];
        for (int c = 0; c < planes; c++) {
            for (int o = 0; o < out; o++) {
                double v = fill * fillWeight[o];
                for (int t = 0; t < 4; t++) {
                    int tap = taps[4 * o + t];
                    if (tap >= 0) {
                        v += weights[4 * o + t] * image[c * in + tap];
                    }
                }
                result[c * out + o] = (float) v;
            }
        }
        return result;
    }

    /** The adjoint: the gradient with respect to the input planes of a function whose output gradient is given. */
    public float[] pullBack(float[] gradient, int planes) {
        int in = inHeight * inWidth;
        int out = outHeight * outWidth;
        float[] result = new float[planes * in];
        for (int c = 0; c < planes; c++) {
            for (int o = 0; o < out; o++) {
                float g = gradient[c * out + o];
                for (int t = 0; t < 4; t++) {
                    int tap = taps[4 * o + t];
                    if (tap >= 0) {
                        result[c * in + tap] += weights[4 * o + t] * g;
                    }
                }
            }
        }
        return result;
    }

    /**
     * Bilinear resizing with PyTorch's {@code interpolate(..., align_corners=False)} coordinates, edges clamped.
     */
    public static Warp resize(int inH, int inW, int outH, int outW) {
        double sy = inH / (double) outH;
        double sx = inW / (double) outW;
        return new Warp(inH, inW, outH, outW, (y, x, at) -> {
            at[0] = (y + 0.5) * sy - 0.5;
            at[1] = (x + 0.5) * sx - 0.5;
        }, true, 0);
    }
}
