package dev.glassbox.djl.onnx;

import ai.djl.ndarray.NDArray;
import dev.glassbox.djl.backprop.Scalars;
import java.util.Map;

/**
 * Activations: Relu, LeakyRelu, PRelu, Elu, Sigmoid, Tanh, HardSigmoid, HardSwish, Clip, Softmax and LogSoftmax (with
 * the flatten-to-2-D semantics before opset 13).
 */
final class ActivationOps {

    private ActivationOps() {
    }

    static void register(Map<String, OperatorFactory> r) {
        ElementwiseOps.unary(r, "Relu", node -> x -> x.getNDArrayInternal().relu());
        ElementwiseOps.unary(r, "Sigmoid", node -> x -> x.getNDArrayInternal().sigmoid());
        ElementwiseOps.unary(r, "Tanh", node -> x -> x.getNDArrayInternal().tanh());
        ElementwiseOps.unary(r, "LeakyRelu", node -> {
            float alpha = node.attributes().getFloat("alpha", 0.01f);
            return x -> x.getNDArrayInternal().leakyRelu(alpha);
        });
        ElementwiseOps.unary(r, "Elu", node -> {
            float alpha = node.attributes().getFloat("alpha", 1f);
            return x -> x.getNDArrayInternal().elu(alpha);
        });
        ElementwiseOps.unary(r, "HardSigmoid", node -> {
            float alpha = node.attributes().getFloat("alpha", 0.2f);
            float beta = node.attributes().getFloat("beta", 0.5f);
            return x -> hardSigmoid(x, alpha, beta);
        });
        ElementwiseOps.unary(r, "HardSwish", node -> x -> x.mul(hardSigmoid(x, 1f / 6, 0.5f)));
        r.put("PRelu", node -> in -> {
            NDArray x = in.get(0);
            NDArray zero = Scalars.like(x, 0);
            return Axes.one(x.maximum(zero).add(x.minimum(zero).mul(in.get(1))));
        });
        r.put("Clip", ActivationOps::clip);
        r.put("Softmax", node -> softmax(node, false));
        r.put("LogSoftmax", node -> softmax(node, true));
    }

    private static NDArray hardSigmoid(NDArray x, float alpha, float beta) {
        return x.mul(Scalars.like(x, alpha)).add(beta).clip(0, 1);
    }

    private static Kernel clip(NodeSpec node) {
        float minAttribute = node.attributes().getFloat("min", Float.NEGATIVE_INFINITY);
        float maxAttribute = node.attributes().getFloat("max", Float.POSITIVE_INFINITY);
        return in -> {
            NDArray x = in.get(0);
            if (!x.getDataType().isFloating()) {
                NDArray y = in.has(1) ? x.maximum(in.get(1)) : x;
                return Axes.one(in.has(2) ? y.minimum(in.get(2)) : y);
            }
            float min = in.has(1) ? in.floats(1)[0] : minAttribute;
            float max = in.has(2) ? in.floats(2)[0] : maxAttribute;
            return Axes.one(x.clip(min, max));
        };
    }

    private static Kernel softmax(NodeSpec node, boolean log) {
        boolean flatten = node.opset() < 13;
        long axisAttribute = node.attributes().getInt("axis", flatten ? 1 : -1);
        return in -> {
            NDArray x = in.get(0);
            long[] shape = x.getShape().getShape();
            int axis = Axes.normalise(axisAttribute, shape.length);
            if (flatten && axis != shape.length - 1) {
                NDArray flat = x.reshape(Axes.product(shape, 0, axis), Axes.product(shape, axis, shape.length));
                NDArray y = log ? flat.logSoftmax(1) : flat.softmax(1);
                return Axes.one(y.reshape(x.getShape()));
            }
            return Axes.one(log ? x.logSoftmax(axis) : x.softmax(axis));
        };
    }
}
