package dev.glassbox.djl.onnx;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.Map;

/**
 * Conv and ConvTranspose in one, two or three spatial dimensions: groups, dilations, strides, pads (asymmetric ones
 * applied explicitly), auto_pad, and for ConvTranspose output_padding and output_shape. Affine with constant weights.
 */
final class ConvolutionOps {

    private ConvolutionOps() {
    }

    static void register(Map<String, OperatorFactory> r) {
        r.put("Conv", ConvolutionOps::conv);
        r.put("ConvTranspose", ConvolutionOps::convTranspose);
    }

    private static Kernel conv(NodeSpec node) {
        Spatial spatial = Spatial.of(node, spatialDims(node));
        int group = (int) node.attributes().getInt("group", 1);
        AffineKernel.Operation operation = (x, w, b) -> {
            long[] kernel = Spatial.spatialShape(w);
            long[][] pads = spatial.pads(Spatial.spatialShape(x), kernel);
            long[] torchPads = pads[0];
            if (!Spatial.symmetric(pads)) {
                x = Spatial.pad(x, pads[0], pads[1], 0);
                torchPads = new long[kernel.length];
            }
            return x.getNDArrayInternal().convolution(x, w, b, new Shape(spatial.strides()), new Shape(torchPads),
                    new Shape(spatial.dilations()), group).singletonOrThrow();
        };
        return AffineKernel.of(node, operation);
    }

    private static Kernel convTranspose(NodeSpec node) {
        int dims = spatialDims(node);
        Spatial spatial = Spatial.of(node, dims);
        int group = (int) node.attributes().getInt("group", 1);
        long[] outputPadding = node.attributes().getInts("output_padding");
        long[] outputShape = node.attributes().getInts("output_shape");
        long[] extra = outputPadding == null || outputPadding.length == 0 ? new long[dims] : outputPadding;
        AffineKernel.Operation operation = (x, w, b) -> {
            long[] kernel = Spatial.spatialShape(w);
            long[] input = Spatial.spatialShape(x);
            NDArray full = transposed(x, w, spatial, group);
            long[][] pads = transposedPads(spatial, input, kernel, extra, outputShape);
            long[] begin = new long[dims];
            long[] end = new long[dims];
            for (int i = 0; i < dims; i++) {
                begin[i] = -pads[0][i];
                end[i] = extra[i] - pads[1][i];
            }
            NDArray y = Spatial.pad(full, begin, end, 0);
            return b == null ? y : y.add(b.reshape(Axes.along(1, dims + 2, b.size())));
        };
        return AffineKernel.of(node, operation);
    }

    /**
     * The full transposed convolution (no pads, no output padding, no bias), as the convolution of the input with
     * zeros inserted between its elements ({@code stride - 1} per gap) by the flipped kernel, channels swapped per
     * group.
     */
    private static NDArray transposed(NDArray x, NDArray w, Spatial spatial, int group) {
        long[] wShape = w.getShape().getShape();
        int dims = wShape.length - 2;
        long inPerGroup = wShape[0] / group;
        long outPerGroup = wShape[1];
        long[] grouped = new long[wShape.length + 1];
        grouped[0] = group;
        grouped[1] = inPerGroup;
        grouped[2] = outPerGroup;
        System.arraycopy(wShape, 2, grouped, 3, dims);
        int[] swap = new int[grouped.length];
        for (int i = 0; i < swap.length; i++) {
            swap[i] = i;
        }
        swap[1] = 2;
        swap[2] = 1;
        long[] convShape = wShape.clone();
        convShape[0] = group * outPerGroup;
        convShape[1] = inPerGroup;
        int[] spatialAxes = new int[dims];
        for (int i = 0; i < dims; i++) {
            spatialAxes[i] = i + 2;
        }
        NDArray kernel = w.reshape(grouped).transpose(swap).reshape(convShape).flip(spatialAxes);
        NDArray spread = x;
        long[] pads = new long[dims];
        for (int i = 0; i < dims; i++) {
            spread = insertZeros(spread, 2 + i, spatial.strides()[i]);
            pads[i] = spatial.dilations()[i] * (wShape[2 + i] - 1);
        }
        long[] ones = new long[dims];
        java.util.Arrays.fill(ones, 1);
        return spread.getNDArrayInternal().convolution(spread, kernel, null, new Shape(ones), new Shape(pads),
                new Shape(spatial.dilations()), group).singletonOrThrow();
    }

    /** {@code x} with {@code stride - 1} zeros between consecutive elements along {@code axis}. */
    private static NDArray insertZeros(NDArray x, int axis, long stride) {
        if (stride == 1) {
            return x;
        }
        long[] shape = x.getShape().getShape();
        long[] split = new long[shape.length + 1];
        System.arraycopy(shape, 0, split, 0, axis + 1);
        split[axis + 1] = 1;
        System.arraycopy(shape, axis + 1, split, axis + 2, shape.length - axis - 1);
        int trailing = split.length - axis - 1;
        long[] begin = new long[trailing];
        long[] end = new long[trailing];
        end[0] = stride - 1;
        NDArray padded = Spatial.pad(x.reshape(split), begin, end, 0);
        long[] merged = shape.clone();
        merged[axis] = shape[axis] * stride;
        long[] cropEnd = new long[shape.length - axis];
        cropEnd[0] = -(stride - 1);
        return Spatial.pad(padded.reshape(merged), new long[shape.length - axis], cropEnd, 0);
    }

    private static long[][] transposedPads(Spatial spatial, long[] input, long[] kernel, long[] extra,
            long[] outputShape) {
        String autoPad = spatial.autoPad();
        boolean fromShape = outputShape != null && outputShape.length > 0;
        if (!fromShape && !autoPad.startsWith("SAME")) {
            return autoPad.equals("VALID") ? new long[2][kernel.length] : split(spatial.explicitPads());
        }
        int n = kernel.length;
        long[][] pads = new long[2][n];
        for (int i = 0; i < n; i++) {
            long[] s = spatial.strides();
            long target = fromShape ? outputShape[outputShape.length - n + i] : input[i] * s[i];
            long total = Math.max(0, s[i] * (input[i] - 1) + extra[i] + (kernel[i] - 1) * spatial.dilations()[i] + 1
                    - target);
            long half = total / 2;
            // SAME_UPPER pads the tail more; SAME_LOWER and output_shape pad the head more, as ONNX Runtime does
            pads[0][i] = autoPad.equals("SAME_UPPER") ? half : total - half;
            pads[1][i] = total - pads[0][i];
        }
        return pads;
    }

    private static long[][] split(long[] pads) {
        int n = pads.length / 2;
        return new long[][] {Arrays.copyOfRange(pads, 0, n), Arrays.copyOfRange(pads, n, 2 * n)};
    }

    private static int spatialDims(NodeSpec node) {
        long[] kernelShape = node.attributes().getInts("kernel_shape");
        if (kernelShape != null && kernelShape.length > 0) {
            return kernelShape.length;
        }
        NDArray w = node.constant(1);
        if (w == null) {
            throw node.error("a convolution with computed weights needs the kernel_shape attribute");
        }
        return w.getShape().dimension() - 2;
    }
}
