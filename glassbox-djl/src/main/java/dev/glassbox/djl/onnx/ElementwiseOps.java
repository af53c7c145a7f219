package dev.glassbox.djl.onnx;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.types.DataType;
import dev.glassbox.djl.backprop.Scalars;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Elementwise arithmetic, comparisons and selection with numpy broadcasting: Add, Sub, Mul, Div, Pow, Sqrt, Exp, Log,
 * Neg, Abs, Reciprocal, Floor, Ceil, Erf, Equal, Greater, Less, Not, Where, Min, Max, Sum, Mean, Cast.
 */
final class ElementwiseOps {

    private ElementwiseOps() {
    }

    static void register(Map<String, OperatorFactory> r) {
        binary(r, "Add", NDArray::add);
        binary(r, "Sub", NDArray::sub);
        binary(r, "Mul", NDArray::mul);
        binary(r, "Div", ElementwiseOps::divide);
        binary(r, "Pow", NDArray::pow);
        binary(r, "Equal", NDArray::eq);
        binary(r, "Greater", NDArray::gt);
        binary(r, "Less", NDArray::lt);
        unary(r, "Sqrt", node -> NDArray::sqrt);
        unary(r, "Exp", node -> NDArray::exp);
        unary(r, "Log", node -> NDArray::log);
        unary(r, "Neg", node -> NDArray::neg);
        unary(r, "Abs", node -> NDArray::abs);
        unary(r, "Floor", node -> NDArray::floor);
        unary(r, "Ceil", node -> NDArray::ceil);
        unary(r, "Reciprocal", node -> x -> Scalars.like(x, 1).div(x));
        unary(r, "Erf", node -> NDArray::erf);
        unary(r, "Not", node -> NDArray::logicalNot);
        unary(r, "Cast", ElementwiseOps::cast);
        variadic(r, "Min", NDArray::minimum);
        variadic(r, "Max", NDArray::maximum);
        variadic(r, "Sum", NDArray::add);
        r.put("Mean", node -> in -> {
            NDArray sum = fold(in, NDArray::add);
            return Axes.one(sum.div(Scalars.like(sum, in.size())));
        });
        r.put("Where", node -> in -> {
            NDArray condition = in.get(0);
            if (condition.getDataType() != DataType.BOOLEAN) {
                condition = condition.toType(DataType.BOOLEAN, false);
            }
            return Axes.one(NDArrays.where(condition, in.get(1), in.get(2)));
        });
    }

    /** Registers an operator of one input whose function the factory builds from the node's attributes. */
    static void unary(Map<String, OperatorFactory> r, String op, Function<NodeSpec, UnaryOperator<NDArray>> f) {
        r.put(op, node -> {
            UnaryOperator<NDArray> function = f.apply(node);
            return in -> Axes.one(function.apply(in.get(0)));
        });
    }

    private static void binary(Map<String, OperatorFactory> r, String op, BinaryOperator<NDArray> f) {
        r.put(op, node -> in -> Axes.one(f.apply(in.get(0), in.get(1))));
    }

    private static void variadic(Map<String, OperatorFactory> r, String op, BinaryOperator<NDArray> f) {
        r.put(op, node -> in -> Axes.one(fold(in, f)));
    }

    private static NDArray fold(Operands in, BinaryOperator<NDArray> f) {
        NDArray acc = in.get(0);
        for (int i = 1; i < in.size(); i++) {
            acc = f.apply(acc, in.get(i));
        }
        return acc;
    }

    /** ONNX division: integer division truncates when both operands are integers. */
    private static NDArray divide(NDArray a, NDArray b) {
        NDArray q = a.div(b);
        boolean integers = a.getDataType().isInteger() && b.getDataType().isInteger();
        return integers ? q.toType(a.getDataType(), false) : q;
    }

    private static UnaryOperator<NDArray> cast(NodeSpec node) {
        DataType to = OnnxTensors.dataType((int) node.attributes().getInt("to", 1), "node '" + node.name() + "'");
        return x -> x.getDataType() == to ? x : x.toType(to, false);
    }
}
