package dev.glassbox.djl.onnx;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.Map;

/**
 * Pooling: MaxPool and AveragePool (pads incl. asymmetric, auto_pad, strides, ceil_mode, count_include_pad; no
 * dilation), GlobalAveragePool and GlobalMaxPool.
 */
final class PoolingOps {

    private PoolingOps() {
    }

    static void register(Map<String, OperatorFactory> r) {
        r.put("MaxPool", node -> pool(node, true));
        r.put("AveragePool", node -> pool(node, false));
        r.put("GlobalAveragePool", node -> in -> Axes.one(global(in.get(0), false)));
        r.put("GlobalMaxPool", node -> in -> Axes.one(global(in.get(0), true)));
    }

    private static Kernel pool(NodeSpec node, boolean max) {
        long[] kernel = node.attributes().getInts("kernel_shape");
        if (kernel == null || kernel.length == 0) {
            throw node.error("pooling needs the kernel_shape attribute");
        }
        Spatial spatial = Spatial.of(node, kernel.length);
        if (spatial.dilated()) {
            throw node.error("pooling with dilations other than 1 is not supported");
        }
        if (node.outputCount() > 1) {
            throw node.error("the Indices output of MaxPool is not supported");
        }
        boolean ceil = node.attributes().getInt("ceil_mode", 0) != 0;
        boolean includePad = node.attributes().getInt("count_include_pad", 0) != 0;
        Shape kernelShape = new Shape(kernel);
        Shape strides = new Shape(spatial.strides());
        Shape noPads = new Shape(new long[kernel.length]);
        return in -> {
            NDArray x = in.get(0);
            long[] input = Spatial.spatialShape(x);
            long[][] pads = windowPads(spatial.pads(input, kernel), input, kernel, spatial.strides(), ceil);
            if (max) {
                NDArray padded = Spatial.pad(x, pads[0], pads[1], Double.NEGATIVE_INFINITY);
                return Axes.one(padded.getNDArrayInternal().maxPool(kernelShape, strides, noPads, false));
            }
            NDArray means = Spatial.pad(x, pads[0], pads[1], 0).getNDArrayInternal()
                    .avgPool(kernelShape, strides, noPads, false, true);
            boolean padded = Arrays.stream(pads[0]).anyMatch(p -> p != 0)
                    || Arrays.stream(pads[1]).anyMatch(p -> p != 0);
            if (includePad || !padded) {
                return Axes.one(means);
            }
            long[] maskShape = x.getShape().getShape().clone();
            maskShape[0] = 1;
            maskShape[1] = 1;
            NDArray mask = Spatial.pad(x.getManager().ones(new Shape(maskShape), x.getDataType()), pads[0], pads[1], 0);
            NDArray share = mask.getNDArrayInternal().avgPool(kernelShape, strides, noPads, false, true);
            return Axes.one(means.div(share));
        };
    }

    /**
     * The pads to apply before pooling without padding and in floor mode: ONNX's pads, and in ceil mode as many more
     * at the end as the last window needs (ONNX Runtime divides such windows by the whole kernel size when
     * count_include_pad is set, and by the count of input elements otherwise; padding makes both explicit).
     */
    private static long[][] windowPads(long[][] pads, long[] input, long[] kernel, long[] strides, boolean ceil) {
        long[] end = pads[1].clone();
        for (int i = 0; i < kernel.length; i++) {
            long total = input[i] + pads[0][i] + pads[1][i];
            long span = total - kernel[i];
            long out = (ceil ? Math.floorDiv(span + strides[i] - 1, strides[i]) : Math.floorDiv(span, strides[i])) + 1;
            if (ceil && (out - 1) * strides[i] >= input[i] + pads[0][i]) {
                out--;
            }
            long needed = (out - 1) * strides[i] + kernel[i];
            end[i] += needed - total;
        }
        return new long[][] {pads[0], end};
    }

    private static NDArray global(NDArray x, boolean max) {
        long[] shape = x.getShape().getShape();
        NDArray flat = x.reshape(shape[0], shape[1], -1);
        NDArray reduced = max ? flat.max(new int[] {2}, true) : flat.mean(new int[] {2}, true);
        long[] out = new long[shape.length];
        Arrays.fill(out, 1);
        out[0] = shape[0];
        out[1] = shape[1];
        return reduced.reshape(out);
    }
}
