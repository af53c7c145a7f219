package dev.glassbox.djl.onnx;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import dev.glassbox.djl.backprop.Scalars;
import java.util.Arrays;
import java.util.Map;

/**
 * Normalisation in inference: BatchNormalization (running statistics; affine per channel), LayerNormalization and
 * InstanceNormalization.
 */
final class NormalisationOps {

    private NormalisationOps() {
    }

    static void register(Map<String, OperatorFactory> r) {
        r.put("BatchNormalization", NormalisationOps::batchNorm);
        r.put("LayerNormalization", NormalisationOps::layerNorm);
        r.put("InstanceNormalization", NormalisationOps::instanceNorm);
    }

    private static NDArray perChannel(NDArray v, int rank) {
        return v.reshape(Axes.along(1, rank, v.size()));
    }

    private static Kernel batchNorm(NodeSpec node) {
        float epsilon = node.attributes().getFloat("epsilon", 1e-5f);
        if (node.attributes().getInt("training_mode", 0) != 0 || node.outputCount() > 1) {
            throw node.error("BatchNormalization in training mode is not supported");
        }
        AffineKernel.Operation operation = (x, scale, shift) -> {
            int rank = x.getShape().dimension();
            NDArray y = x.mul(perChannel(scale, rank));
            return shift == null ? y : y.add(perChannel(shift, rank));
        };
        boolean constant = true;
        for (int i = 1; i <= 4; i++) {
            constant &= node.constant(i) != null;
        }
        if (constant) {
            NDArray scale;
            NDArray shift;
            try (NDArray variance = node.constant(4).add(epsilon); NDArray deviation = variance.sqrt()) {
                scale = node.constant(1).div(deviation);
            }
            try (NDArray centre = node.constant(3).mul(scale)) {
                shift = node.constant(2).sub(centre);
            }
            return new AffineKernel(scale, shift, operation);
        }
        return in -> {
            NDArray scale = in.get(1).div(in.get(4).add(epsilon).sqrt());
            return Axes.one(operation.apply(in.get(0), scale, in.get(2).sub(in.get(3).mul(scale))));
        };
    }

    /** Mean and variance of {@code x} over its dimensions from {@code axis} on, kept as size-1 dimensions. */
    private static NDArray[] moments(NDArray x, int axis) {
        long[] shape = x.getShape().getShape();
        long[] flat = Arrays.copyOf(shape, axis + 1);
        flat[axis] = -1;
        long[] kept = shape.clone();
        Arrays.fill(kept, axis, kept.length, 1);
        NDArray rows = x.reshape(flat);
        NDArray mean = rows.mean(new int[] {axis}, true);
        NDArray centred = rows.sub(mean);
        NDArray variance = centred.square().mean(new int[] {axis}, true);
        return new NDArray[] {centred.reshape(shape), mean.reshape(kept), variance.reshape(kept)};
    }

    private static Kernel layerNorm(NodeSpec node) {
        long axisAttribute = node.attributes().getInt("axis", -1);
        float epsilon = node.attributes().getFloat("epsilon", 1e-5f);
        return in -> {
            NDArray x = in.get(0);
            int axis = Axes.normalise(axisAttribute, x.getShape().dimension());
            NDArray[] m = moments(x, axis);
            NDArray deviation = m[2].add(epsilon).sqrt();
            NDArray inverse = Scalars.like(deviation, 1).div(deviation);
            NDArray y = m[0].mul(inverse).mul(in.get(1));
            if (in.has(2)) {
                y = y.add(in.get(2));
            }
            return new NDList(y, m[1], inverse);
        };
    }

    private static Kernel instanceNorm(NodeSpec node) {
        float epsilon = node.attributes().getFloat("epsilon", 1e-5f);
        return in -> {
            NDArray x = in.get(0);
            int rank = x.getShape().dimension();
            NDArray[] m = moments(x, 2);
            NDArray y = m[0].div(m[2].add(epsilon).sqrt()).mul(perChannel(in.get(1), rank));
            return Axes.one(y.add(perChannel(in.get(2), rank)));
        };
    }
}
