package dev.glassbox.core.math;

import dev.glassbox.core.InvalidInputException;
import java.util.Locale;

/**
 * Resizes stacks of 2-D maps (channels × height × width, flattened) with PyTorch's {@code interpolate} semantics
 * ({@code align_corners=False}), so that upsampled Grad-CAM maps match Captum's.
 */
public enum Upsampling {
    /** Nearest neighbour: source index ⌊dst · in / out⌋. */
    NEAREST,
    /** Bilinear: source coordinate (dst + ½) · in / out − ½, clamped at the edges. */
    BILINEAR;

    /** Parses {@code nearest|bilinear}. */
    public static Upsampling parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "nearest" -> NEAREST;
            case "bilinear" -> BILINEAR;
            default -> throw new InvalidInputException("unknown upsampling '" + text + "': expected nearest or bilinear");
        };
    }

    /** Resizes each of the {@code values.length / (h·w)} planes from h×w to outH×outW. */
    public float[] resize(float[] values, int h, int w, int outH, int outW) {
        if (values.length % (h * w) != 0) {
            throw new InvalidInputException(values.length + " values do not form planes of " + h + "×" + w);
        }
        int planes = values.length / (h * w);
        float[] out = new float[planes * outH * outW];
        Axis rows = axis(h, outH);
        Axis columns = axis(w, outW);
        for (int p = 0; p < planes; p++) {
            int in = p * h * w;
            int at = p * outH * outW;
            for (int y = 0; y < outH; y++) {
                int top = in + rows.low[y] * w;
                int bottom = in + rows.high[y] * w;
                double ly = rows.weight[y];
                for (int x = 0; x < outW; x++) {
                    int left = columns.low[x];
                    int right = columns.high[x];
                    double lx = columns.weight[x];
                    double upper = (1 - lx) * values[top + left] + lx * values[top + right];
                    double lower = (1 - lx) * values[bottom + left] + lx * values[bottom + right];
                    out[at + y * outW + x] = (float) ((1 - ly) * upper + ly * lower);
                }
            }
        }
        return out;
    }

    /**
     * Where each output index of one axis reads: two source indices and the second one's weight. Nearest reads
     * ⌊dst · in / out⌋ with weight 0; bilinear reads around (dst + ½) · in / out − ½, clamped at the edges.
     */
    private Axis axis(int in, int out) {
        double scale = in / (double) out;
        Axis axis = new Axis(new int[out], new int[out], new double[out]);
        for (int dst = 0; dst < out; dst++) {
            if (this == NEAREST) {
                axis.low[dst] = Math.min(in - 1, (int) Math.floor(dst * scale));
                axis.high[dst] = axis.low[dst];
            } else {
                double source = Math.max(0, (dst + 0.5) * scale - 0.5);
                axis.low[dst] = Math.min(in - 1, (int) source);
                axis.high[dst] = Math.min(in - 1, axis.low[dst] + 1);
                axis.weight[dst] = source - axis.low[dst];
            }
        }
        return axis;
    }

    /** Per output index of one axis: the two source indices and the weight of the second. */
    private record Axis(int[] low, int[] high, double[] weight) {
    }
}
