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
        return weighted(node, operation);
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
            long[] zeros = new long[dims];
            NDArray full = x.getNDArrayInternal().deconvolution(x, w, null, new Shape(spatial.strides()),
                    new Shape(zeros), new Shape(zeros), new Shape(spatial.dilations()), group).singletonOrThrow();
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
        return weighted(node, operation);
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
            pads[0][i] = autoPad.equals("SAME_UPPER") ? total - half : half; // as ONNX Runtime does
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

    /** An affine kernel when weight and bias are constants, else one that reads them per call. */
    private static Kernel weighted(NodeSpec node, AffineKernel.Operation operation) {
        NDArray w = node.constant(1);
        if (w != null && (!node.hasInput(2) || node.constant(2) != null)) {
            return new AffineKernel(w, node.constant(2), operation);
        }
        return in -> Axes.one(operation.apply(in.get(0), in.get(1), in.orNull(2)));
    }
}
