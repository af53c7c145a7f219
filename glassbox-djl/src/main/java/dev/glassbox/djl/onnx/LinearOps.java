package dev.glassbox.djl.onnx;

import ai.djl.ndarray.NDArray;
import dev.glassbox.djl.backprop.Scalars;
import java.util.Map;

/** Dense layers: Gemm (alpha, beta, transA, transB) and MatMul (batched, broadcast); affine with constant weights. */
final class LinearOps {

    private LinearOps() {
    }

    static void register(Map<String, OperatorFactory> r) {
        r.put("Gemm", LinearOps::gemm);
        r.put("MatMul", LinearOps::matMul);
    }

    private static Kernel gemm(NodeSpec node) {
        float alpha = node.attributes().getFloat("alpha", 1f);
        float beta = node.attributes().getFloat("beta", 1f);
        boolean transA = node.attributes().getInt("transA", 0) != 0;
        boolean transB = node.attributes().getInt("transB", 0) != 0;
        AffineKernel.Operation product = (a, b, c) -> {
            NDArray y = (transA ? a.transpose() : a).matMul(transB ? b.transpose() : b);
            return c == null ? y : y.add(c);
        };
        NDArray b = node.constant(1);
        if (b != null && (!node.hasInput(2) || node.constant(2) != null)) {
            NDArray weight = alpha == 1f ? b : b.mul(alpha);
            NDArray c = node.constant(2);
            NDArray bias = c == null || beta == 1f ? c : c.mul(beta);
            return new AffineKernel(weight, bias, product);
        }
        return in -> {
            NDArray y = product.apply(in.get(0), in.get(1), null);
            y = alpha == 1f ? y : y.mul(Scalars.like(y, alpha));
            return Axes.one(in.has(2) ? y.add(beta == 1f ? in.get(2) : in.get(2).mul(Scalars.like(y, beta))) : y);
        };
    }

    private static Kernel matMul(NodeSpec node) {
        return AffineKernel.of(node, (a, b, c) -> c == null ? a.matMul(b) : a.matMul(b).add(c));
    }
}
