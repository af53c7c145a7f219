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
        double scaleY = h / (double) outH;
        double scaleX = w / (double) outW;
        for (int p = 0; p < planes; p++) {
            int in = p * h * w;
            int at = p * outH * outW;
            for (int y = 0; y < outH; y++) {
                for (int x = 0; x < outW; x++) {
                    out[at + y * outW + x] = this == NEAREST
                            ? values[in + Math.min(h - 1, (int) Math.floor(y * scaleY)) * w + Math.min(w - 1, (int) Math.floor(x * scaleX))]
                            : bilinear(values, in, h, w, source(y, scaleY), source(x, scaleX));
                }
            }
        }
        return out;
    }

    private static double source(int dst, double scale) {
        return Math.max(0, (dst + 0.5) * scale - 0.5);
    }

    private static float bilinear(float[] v, int base, int h, int w, double sy, double sx) {
        int y0 = Math.min(h - 1, (int) sy);
        int x0 = Math.min(w - 1, (int) sx);
        int y1 = Math.min(h - 1, y0 + 1);
        int x1 = Math.min(w - 1, x0 + 1);
        double ly = sy - y0;
        double lx = sx - x0;
        double top = (1 - lx) * v[base + y0 * w + x0] + lx * v[base + y0 * w + x1];
        double bottom = (1 - lx) * v[base + y1 * w + x0] + lx * v[base + y1 * w + x1];
        return (float) ((1 - ly) * top + ly * bottom);
    }
}
