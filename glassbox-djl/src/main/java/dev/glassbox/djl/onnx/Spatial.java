package dev.glassbox.djl.onnx;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;

/**
 * The window attributes of convolutions and pooling ({@code strides}, {@code dilations}, {@code pads},
 * {@code auto_pad}) and the explicit padding that DJL's symmetric-only operators need.
 */
final class Spatial {
    private final long[] strides;
    private final long[] dilations;
    private final long[] pads;
    private final String autoPad;

    private Spatial(long[] strides, long[] dilations, long[] pads, String autoPad) {
        this.strides = strides;
        this.dilations = dilations;
        this.pads = pads;
        this.autoPad = autoPad;
    }

    /** The window attributes of {@code node}, for {@code dims} spatial dimensions. */
    static Spatial of(NodeSpec node, int dims) {
        Attributes a = node.attributes();
        String autoPad = a.getString("auto_pad", "NOTSET");
        if (!Arrays.asList("NOTSET", "SAME_UPPER", "SAME_LOWER", "VALID").contains(autoPad)) {
            throw node.error("unsupported auto_pad '" + autoPad + "'");
        }
        long[] strides = orOnes(a.getInts("strides"), dims);
        long[] dilations = orOnes(a.getInts("dilations"), dims);
        long[] pads = a.getInts("pads");
        if (pads == null) {
            pads = new long[2 * dims];
        }
        if (strides.length != dims || dilations.length != dims || pads.length != 2 * dims) {
            throw node.error("strides, dilations or pads do not match " + dims + " spatial dimensions");
        }
        return new Spatial(strides, dilations, pads, autoPad);
    }

    private static long[] orOnes(long[] values, int dims) {
        if (values != null && values.length > 0) {
            return values;
        }
        long[] ones = new long[dims];
        Arrays.fill(ones, 1);
        return ones;
    }

    long[] strides() {
        return strides;
    }

    long[] dilations() {
        return dilations;
    }

    String autoPad() {
        return autoPad;
    }

    long[] explicitPads() {
        return pads;
    }

    boolean dilated() {
        return Arrays.stream(dilations).anyMatch(d -> d != 1);
    }

    /** The begin and end pads of a window of size {@code kernel} sliding over {@code input} spatial dimensions. */
    long[][] pads(long[] input, long[] kernel) {
        int n = kernel.length;
        long[] begin = new long[n];
        long[] end = new long[n];
        for (int i = 0; i < n; i++) {
            switch (autoPad) {
                case "VALID" -> { }
                case "SAME_UPPER", "SAME_LOWER" -> {
                    long out = (input[i] + strides[i] - 1) / strides[i];
                    long total = Math.max(0, (out - 1) * strides[i] + (kernel[i] - 1) * dilations[i] + 1 - input[i]);
                    long small = total / 2;
                    begin[i] = autoPad.equals("SAME_UPPER") ? small : total - small;
                    end[i] = total - begin[i];
                }
                default -> {
                    begin[i] = pads[i];
                    end[i] = pads[i + n];
                }
            }
        }
        return new long[][] {begin, end};
    }

    /** The trailing spatial dimensions of {@code x}. */
    static long[] spatialShape(NDArray x) {
        long[] shape = x.getShape().getShape();
        return Arrays.copyOfRange(shape, 2, shape.length);
    }

    /** {@code x} padded with {@code value} on its trailing dimensions by {@code begin}, {@code end}; negatives crop. */
    static NDArray pad(NDArray x, long[] begin, long[] end, double value) {
        int n = begin.length;
        long[] shape = x.getShape().getShape();
        boolean crop = false;
        boolean pad = false;
        long[] torchOrder = new long[2 * n];
        NDIndex window = new NDIndex().addAllDim(shape.length - n);
        for (int i = 0; i < n; i++) {
            long size = shape[shape.length - n + i];
            window.addSliceDim(Math.max(0, -begin[i]), size + Math.min(0, end[i]));
            crop |= begin[i] < 0 || end[i] < 0;
            torchOrder[2 * (n - 1 - i)] = Math.max(0, begin[i]);
            torchOrder[2 * (n - 1 - i) + 1] = Math.max(0, end[i]);
            pad |= begin[i] > 0 || end[i] > 0;
        }
        NDArray y = crop ? x.get(window) : x;
        return pad ? y.pad(new Shape(torchOrder), value) : y;
    }

    static boolean symmetric(long[][] pads) {
        return Arrays.equals(pads[0], pads[1]);
    }
}
