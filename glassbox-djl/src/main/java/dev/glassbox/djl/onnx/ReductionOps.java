package dev.glassbox.djl.onnx;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/**
 * Reductions over axes from the attribute or, where the opset moved it there, the second input: ReduceMean, ReduceSum,
 * ReduceMax, ReduceMin (keepdims, noop_with_empty_axes).
 */
final class ReductionOps {

    /** One reduction over one axis, keeping it as a size-1 dimension. */
    @FunctionalInterface
    private interface Reduction {
        NDArray reduce(NDArray x, int axis);
    }

    private ReductionOps() {
    }

    static void register(Map<String, OperatorFactory> r) {
        r.put("ReduceMean", node -> reduction(node, (x, a) -> x.mean(new int[] {a}, true)));
        r.put("ReduceSum", node -> reduction(node, (x, a) -> x.sum(new int[] {a}, true)));
        r.put("ReduceMax", node -> reduction(node, (x, a) -> x.max(new int[] {a}, true)));
        r.put("ReduceMin", node -> reduction(node, (x, a) -> x.min(new int[] {a}, true)));
    }

    private static Kernel reduction(NodeSpec node, Reduction reduction) {
        boolean keep = node.attributes().getInt("keepdims", 1) != 0;
        boolean noop = node.attributes().getInt("noop_with_empty_axes", 0) != 0;
        long[] attribute = node.attributes().getInts("axes");
        return in -> {
            NDArray x = in.get(0);
            int rank = x.getShape().dimension();
            long[] given = in.has(1) ? in.longs(1) : attribute;
            if (given == null || given.length == 0) {
                if (noop) {
                    return Axes.one(x);
                }
                given = new long[rank];
                for (int i = 0; i < rank; i++) {
                    given[i] = i;
                }
            }
            int[] axes = Axes.normalise(given, rank);
            NDArray y = x;
            for (int axis : axes) {
                y = reduction.reduce(y, axis);
            }
            return Axes.one(keep ? y : y.squeeze(axes));
        };
    }
}
