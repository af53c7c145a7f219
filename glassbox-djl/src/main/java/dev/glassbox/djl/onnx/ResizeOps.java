package dev.glassbox.djl.onnx;

import ai.djl.ndarray.NDArray;
import dev.glassbox.djl.backprop.Scalars;
import java.util.List;
import java.util.Map;

/**
 * Resize (opsets 11 to 18) and Upsample: nearest (round_prefer_floor, round_prefer_ceil, floor, ceil) and linear
 * (separable: bilinear, trilinear) from scales or sizes, with the coordinate modes half_pixel, pytorch_half_pixel,
 * align_corners, asymmetric and tf_half_pixel_for_nn. Each resized axis is a gather along it (and a weighted sum of
 * two gathers for linear), so gradients flow.
 */
final class ResizeOps {
    private static final List<String> COORDINATES = List.of("half_pixel", "pytorch_half_pixel", "align_corners",
            "asymmetric", "tf_half_pixel_for_nn");
    private static final List<String> ROUNDING = List.of("round_prefer_floor", "round_prefer_ceil", "floor", "ceil");

    private ResizeOps() {
    }

    static void register(Map<String, OperatorFactory> r) {
        r.put("Resize", node -> resize(node, false));
        r.put("Upsample", node -> resize(node, true));
    }

    private static Kernel resize(NodeSpec node, boolean upsample) {
        Attributes a = node.attributes();
        String mode = a.getString("mode", "nearest");
        String coordinates = upsample ? "asymmetric" : a.getString("coordinate_transformation_mode", "half_pixel");
        String rounding = upsample ? "floor" : a.getString("nearest_mode", "round_prefer_floor");
        boolean linear = mode.equals("linear") || mode.equals("bilinear");
        if (!linear && !mode.equals("nearest")) {
            throw node.error("unsupported Resize mode '" + mode + "'");
        }
        if (!COORDINATES.contains(coordinates)) {
            throw node.error("unsupported coordinate_transformation_mode '" + coordinates + "'");
        }
        if (!ROUNDING.contains(rounding)) {
            throw node.error("unsupported nearest_mode '" + rounding + "'");
        }
        if (a.getInt("antialias", 0) != 0) {
            throw node.error("Resize with antialias is not supported");
        }
        if (!a.getString("keep_aspect_ratio_policy", "stretch").equals("stretch")) {
            throw node.error("Resize keep_aspect_ratio_policy other than stretch is not supported");
        }
        long[] axesAttribute = a.getInts("axes");
        int scalesInput = upsample ? 1 : 2;
        return in -> {
            NDArray x = in.get(0);
            long[] dims = x.getShape().getShape();
            int rank = dims.length;
            int[] axes = new int[rank];
            for (int i = 0; i < rank; i++) {
                axes[i] = i;
            }
            if (axesAttribute != null && axesAttribute.length > 0) {
                axes = Axes.normalise(axesAttribute, rank);
            }
            float[] scales = in.has(scalesInput) ? in.floats(scalesInput) : null;
            long[] sizes = !upsample && in.has(3) ? in.longs(3) : null;
            if ((scales == null || scales.length == 0) && (sizes == null || sizes.length == 0)) {
                scales = upsample ? node.attributes().getFloats("scales") : null;
                if (scales == null) {
                    throw new IllegalArgumentException("Resize needs scales or sizes at node '" + node.name() + "'");
                }
            }
            NDArray y = x;
            for (int k = 0; k < axes.length; k++) {
                int axis = axes[k];
                long n = dims[axis];
                float scale;
                long out;
                if (scales != null && scales.length > 0) {
                    scale = scales[k];
                    out = (long) Math.floor(n * (double) scale);
                } else {
                    out = sizes[k];
                    scale = (float) out / n;
                }
                if (out == n && scale == 1f) {
                    continue;
                }
                y = linear ? linear(y, axis, n, out, scale, coordinates)
                        : Axes.select(y, axis, nearest(n, out, scale, coordinates, rounding));
            }
            return Axes.one(y);
        };
    }

    private static float source(long i, long n, long out, float scale, String coordinates) {
        return switch (coordinates) {
            case "half_pixel" -> (i + 0.5f) / scale - 0.5f;
            case "pytorch_half_pixel" -> out > 1 ? (i + 0.5f) / scale - 0.5f : 0f;
            case "align_corners" -> out == 1 ? 0f : i * (float) (n - 1) / (out - 1);
            case "tf_half_pixel_for_nn" -> (i + 0.5f) / scale;
            default -> i / scale;
        };
    }

    private static long[] nearest(long n, long out, float scale, String coordinates, String rounding) {
        long[] picked = new long[(int) out];
        for (int i = 0; i < out; i++) {
            float s = source(i, n, out, scale, coordinates);
            double floor = Math.floor(s);
            long j = switch (rounding) {
                case "floor" -> (long) floor;
                case "ceil" -> (long) Math.ceil(s);
                case "round_prefer_ceil" -> s - floor == 0.5 ? (long) floor + 1 : Math.round(s);
                default -> s - floor == 0.5 ? (long) floor : Math.round(s);
            };
            picked[i] = ShapeOps.clamp(j, 0, n - 1);
        }
        return picked;
    }

    private static NDArray linear(NDArray x, int axis, long n, long out, float scale, String coordinates) {
        long[] low = new long[(int) out];
        long[] high = new long[(int) out];
        float[] weight = new float[(int) out];
        for (int i = 0; i < out; i++) {
            float s = Math.max(0f, Math.min(source(i, n, out, scale, coordinates), n - 1));
            low[i] = (long) Math.floor(s);
            high[i] = Math.min(low[i] + 1, n - 1);
            weight[i] = s - low[i];
        }
        NDArray a = Axes.select(x, axis, low);
        NDArray b = Axes.select(x, axis, high);
        NDArray w = Scalars.owned(x.getManager().create(weight, Axes.along(axis, x.getShape().dimension(), out))
                .toType(x.getDataType(), true));
        return a.add(b.sub(a).mul(w));
    }
}
