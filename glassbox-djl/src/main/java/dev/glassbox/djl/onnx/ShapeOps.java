package dev.glassbox.djl.onnx;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.onnx.proto.OnnxMl;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Shapes, layout and constants: Shape, Reshape, Flatten, Transpose, Concat, Split, Slice, Gather, Unsqueeze, Squeeze,
 * Expand, Tile, Pad, Identity, Dropout, Constant, ConstantOfShape, Range. Shape values are read per call, so chains
 * computed from the input's shape (dynamic batch) work.
 */
final class ShapeOps {

    private ShapeOps() {
    }

    static void register(Map<String, OperatorFactory> r) {
        r.put("Identity", node -> in -> Axes.one(in.get(0)));
        r.put("Dropout", node -> in -> {
            NDArray x = in.get(0);
            return node.outputCount() > 1 ? new NDList(x, x.getManager().ones(x.getShape(), DataType.BOOLEAN))
                    : Axes.one(x);
        });
        r.put("Constant", ShapeOps::constant);
        r.put("ConstantOfShape", ShapeOps::constantOfShape);
        r.put("Shape", ShapeOps::shape);
        r.put("Reshape", ShapeOps::reshape);
        r.put("Flatten", ShapeOps::flatten);
        r.put("Transpose", ShapeOps::transpose);
        r.put("Concat", node -> {
            long axis = node.attributes().getInt("axis", 0);
            return in -> {
                NDList parts = new NDList();
                for (int i = 0; i < in.size(); i++) {
                    parts.add(in.get(i));
                }
                return Axes.one(NDArrays.concat(parts, Axes.normalise(axis, parts.get(0).getShape().dimension())));
            };
        });
        r.put("Split", ShapeOps::split);
        r.put("Slice", ShapeOps::slice);
        r.put("Gather", ShapeOps::gather);
        r.put("Unsqueeze", node -> {
            if (!node.hasInput(1) && node.attributes().getInts("axes") == null) {
                throw node.error("Unsqueeze without axes");
            }
            return axesOperation(node, ShapeOps::unsqueezed);
        });
        r.put("Squeeze", node -> axesOperation(node, ShapeOps::squeezed));
        r.put("Expand", node -> in -> {
            NDArray x = in.get(0);
            return Axes.one(x.broadcast(new Shape(broadcast(x.getShape().getShape(), in.longs(1)))));
        });
        r.put("Tile", node -> in -> Axes.one(in.get(0).tile(in.longs(1))));
        r.put("Pad", ShapeOps::pad);
        r.put("Range", node -> in -> {
            NDArray start = in.get(0);
            float[] bounds = {in.floats(0)[0], in.floats(1)[0], in.floats(2)[0]};
            return Axes.one(in.manager().arange(bounds[0], bounds[1], bounds[2], start.getDataType()));
        });
    }

    private static Kernel constant(NodeSpec node) {
        Attributes a = node.attributes();
        OnnxMl.TensorProto tensor = a.getTensor("value");
        return in -> {
            if (tensor != null) {
                return Axes.one(OnnxTensors.toArray(tensor, in.manager(), "node '" + node.name() + "'"));
            }
            if (a.has("value_float")) {
                return Axes.one(in.manager().create(a.getFloat("value_float", 0)));
            }
            if (a.has("value_floats")) {
                return Axes.one(in.manager().create(a.getFloats("value_floats")));
            }
            if (a.has("value_int")) {
                return Axes.one(in.manager().create(a.getInt("value_int", 0)));
            }
            if (a.has("value_ints")) {
                return Axes.one(OnnxTensors.longs(in.manager(), a.getInts("value_ints")));
            }
            throw node.error("Constant without a supported value attribute");
        };
    }

    private static Kernel constantOfShape(NodeSpec node) {
        OnnxMl.TensorProto value = node.attributes().getTensor("value");
        return in -> {
            Shape shape = new Shape(in.longs(0));
            if (value == null) {
                return Axes.one(in.manager().zeros(shape, DataType.FLOAT32));
            }
            NDArray v = OnnxTensors.toArray(value, in.manager(), "node '" + node.name() + "'");
            return Axes.one(in.manager().full(shape, OnnxTensors.toFloats(v)[0], v.getDataType()));
        };
    }

    private static Kernel shape(NodeSpec node) {
        long startAttribute = node.attributes().getInt("start", 0);
        Long endAttribute = node.attributes().has("end") ? node.attributes().getInt("end", 0) : null;
        return in -> {
            long[] dims = in.get(0).getShape().getShape();
            int rank = dims.length;
            int start = (int) clamp(startAttribute < 0 ? startAttribute + rank : startAttribute, 0, rank);
            long end = endAttribute == null ? rank : endAttribute < 0 ? endAttribute + rank : endAttribute;
            int stop = (int) clamp(end, start, rank);
            return Axes.one(OnnxTensors.longs(in.manager(), Arrays.copyOfRange(dims, start, stop)));
        };
    }

    private static Kernel reshape(NodeSpec node) {
        boolean allowZero = node.attributes().getInt("allowzero", 0) != 0;
        return in -> {
            NDArray x = in.get(0);
            long[] target = in.longs(1);
            long[] dims = x.getShape().getShape();
            for (int i = 0; i < target.length; i++) {
                if (target[i] == 0 && !allowZero) {
                    target[i] = dims[i];
                }
            }
            return Axes.one(x.reshape(target));
        };
    }

    private static Kernel flatten(NodeSpec node) {
        long axisAttribute = node.attributes().getInt("axis", 1);
        return in -> {
            NDArray x = in.get(0);
            long[] dims = x.getShape().getShape();
            int axis = (int) (axisAttribute < 0 ? axisAttribute + dims.length : axisAttribute);
            return Axes.one(x.reshape(Axes.product(dims, 0, axis), Axes.product(dims, axis, dims.length)));
        };
    }

    private static Kernel transpose(NodeSpec node) {
        long[] perm = node.attributes().getInts("perm");
        return in -> {
            NDArray x = in.get(0);
            int rank = x.getShape().dimension();
            int[] axes = new int[rank];
            for (int i = 0; i < rank; i++) {
                axes[i] = perm == null || perm.length == 0 ? rank - 1 - i : (int) perm[i];
            }
            return Axes.one(x.transpose(axes));
        };
    }

    private static Kernel split(NodeSpec node) {
        long axisAttribute = node.attributes().getInt("axis", 0);
        long[] sizesAttribute = node.attributes().getInts("split");
        int outputs = node.outputCount();
        return in -> {
            NDArray x = in.get(0);
            long[] dims = x.getShape().getShape();
            int axis = Axes.normalise(axisAttribute, dims.length);
            long[] sizes = in.has(1) ? in.longs(1) : sizesAttribute;
            if (sizes == null || sizes.length == 0) {
                long chunk = (dims[axis] + outputs - 1) / outputs;
                sizes = new long[outputs];
                for (int i = 0; i < outputs; i++) {
                    sizes[i] = Math.max(0, Math.min(chunk, dims[axis] - i * chunk));
                }
            }
            NDList parts = new NDList();
            long start = 0;
            for (long size : sizes) {
                parts.add(x.get(sliceAlong(axis, start, start + size, 1)));
                start += size;
            }
            return parts;
        };
    }

    private static NDIndex sliceAlong(int axis, long start, long end, long step) {
        return new NDIndex().addAllDim(axis).addSliceDim(start, end, step);
    }

    private static Kernel slice(NodeSpec node) {
        return in -> {
            NDArray x = in.get(0);
            long[] dims = x.getShape().getShape();
            long[] starts = in.longs(1);
            long[] ends = in.longs(2);
            long[] axes = in.has(3) ? in.longs(3) : null;
            long[] steps = in.has(4) ? in.longs(4) : null;
            NDArray y = x;
            for (int i = 0; i < starts.length; i++) {
                int axis = Axes.normalise(axes == null ? i : axes[i], dims.length);
                long step = steps == null ? 1 : steps[i];
                long n = dims[axis];
                long start = starts[i] < 0 ? starts[i] + n : starts[i];
                long end = ends[i] < 0 ? ends[i] + n : ends[i];
                if (step > 0) {
                    start = clamp(start, 0, n);
                    end = clamp(end, 0, n);
                    if (start != 0 || end != n || step != 1) {
                        y = y.get(sliceAlong(axis, start, Math.max(start, end), step));
                    }
                } else {
                    start = clamp(start, 0, n - 1);
                    end = clamp(end, -1, n - 1);
                    List<Long> picked = new ArrayList<>();
                    for (long j = start; j > end; j += step) {
                        picked.add(j);
                    }
                    y = Axes.select(y, axis, picked.stream().mapToLong(Long::longValue).toArray());
                }
            }
            return Axes.one(y);
        };
    }

    private static Kernel gather(NodeSpec node) {
        long axisAttribute = node.attributes().getInt("axis", 0);
        return in -> {
            NDArray x = in.get(0);
            NDArray indices = in.get(1);
            long[] dims = x.getShape().getShape();
            int axis = Axes.normalise(axisAttribute, dims.length);
            long[] picked = OnnxTensors.toLongs(indices);
            for (int i = 0; i < picked.length; i++) {
                if (picked[i] < 0) {
                    picked[i] += dims[axis];
                }
            }
            long[] indexDims = indices.getShape().getShape();
            long[] out = new long[dims.length - 1 + indexDims.length];
            System.arraycopy(dims, 0, out, 0, axis);
            System.arraycopy(indexDims, 0, out, axis, indexDims.length);
            System.arraycopy(dims, axis + 1, out, axis + indexDims.length, dims.length - axis - 1);
            return Axes.one(Axes.select(x, axis, picked).reshape(new Shape(out)));
        };
    }

    /** Computes a new shape from the input's dimensions and the node's axes. */
    @FunctionalInterface
    private interface AxesShape {
        long[] apply(long[] dims, long[] axes);
    }

    /** Unsqueeze and Squeeze: axes from the attribute (before opset 13) or the second input. */
    private static Kernel axesOperation(NodeSpec node, AxesShape shape) {
        long[] attribute = node.attributes().getInts("axes");
        return in -> {
            NDArray x = in.get(0);
            long[] axes = in.has(1) ? in.longs(1) : attribute;
            return Axes.one(x.reshape(new Shape(shape.apply(x.getShape().getShape(), axes))));
        };
    }

    private static long[] unsqueezed(long[] dims, long[] axes) {
        int rank = dims.length + axes.length;
        boolean[] inserted = new boolean[rank];
        for (int axis : Axes.normalise(axes, rank)) {
            inserted[axis] = true;
        }
        long[] out = new long[rank];
        for (int i = 0, k = 0; i < rank; i++) {
            out[i] = inserted[i] ? 1 : dims[k++];
        }
        return out;
    }

    private static long[] squeezed(long[] dims, long[] axes) {
        boolean[] removed = new boolean[dims.length];
        if (axes == null || axes.length == 0) {
            for (int i = 0; i < dims.length; i++) {
                removed[i] = dims[i] == 1;
            }
        } else {
            for (int axis : Axes.normalise(axes, dims.length)) {
                removed[axis] = true;
            }
        }
        long[] out = new long[dims.length];
        int k = 0;
        for (int i = 0; i < dims.length; i++) {
            if (!removed[i]) {
                out[k++] = dims[i];
            }
        }
        return Arrays.copyOf(out, k);
    }

    /** Numpy broadcasting of two shapes. */
    static long[] broadcast(long[] a, long[] b) {
        int rank = Math.max(a.length, b.length);
        long[] out = new long[rank];
        for (int i = 0; i < rank; i++) {
            long x = i < rank - a.length ? 1 : a[i - (rank - a.length)];
            long y = i < rank - b.length ? 1 : b[i - (rank - b.length)];
            out[i] = x == 1 ? y : x;
        }
        return out;
    }

    private static Kernel pad(NodeSpec node) {
        String mode = node.attributes().getString("mode", "constant");
        if (!List.of("constant", "reflect", "edge").contains(mode)) {
            throw node.error("unsupported Pad mode '" + mode + "'");
        }
        long[] padsAttribute = node.attributes().getInts("pads");
        float valueAttribute = node.attributes().getFloat("value", 0f);
        return in -> {
            NDArray x = in.get(0);
            int rank = x.getShape().dimension();
            long[] pads = in.has(1) ? in.longs(1) : padsAttribute;
            long[] axes = in.has(3) ? in.longs(3) : null;
            long[] begin = new long[rank];
            long[] end = new long[rank];
            int listed = pads.length / 2;
            for (int i = 0; i < listed; i++) {
                int axis = axes == null ? i : Axes.normalise(axes[i], rank);
                begin[axis] = pads[i];
                end[axis] = pads[i + listed];
            }
            if (mode.equals("constant")) {
                double value = in.has(2) ? in.floats(2)[0] : valueAttribute;
                return Axes.one(Spatial.pad(x, begin, end, value));
            }
            NDArray y = Spatial.pad(x, negativePart(begin), negativePart(end), 0);
            long[] dims = y.getShape().getShape();
            for (int axis = 0; axis < rank; axis++) {
                long b = Math.max(0, begin[axis]);
                long e = Math.max(0, end[axis]);
                if (b > 0 || e > 0) {
                    y = Axes.select(y, axis, padIndices(dims[axis], b, e, mode.equals("reflect")));
                }
            }
            return Axes.one(y);
        };
    }

    private static long[] negativePart(long[] pads) {
        return Arrays.stream(pads).map(p -> Math.min(p, 0)).toArray();
    }

    private static long[] padIndices(long n, long begin, long end, boolean reflect) {
        long[] out = new long[(int) (begin + n + end)];
        for (int i = 0; i < out.length; i++) {
            long j = i - begin;
            if (reflect && n > 1) {
                long period = 2 * (n - 1);
                j = Math.floorMod(j, period);
                j = j >= n ? period - j : j;
            } else {
                j = clamp(j, 0, n - 1);
            }
            out[i] = j;
        }
        return out;
    }

    static long clamp(long v, long lo, long hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
