package dev.glassbox.djl.onnx;

import static dev.glassbox.djl.onnx.OnnxBuilder.attr;
import static dev.glassbox.djl.onnx.OnnxBuilder.names;
import static dev.glassbox.djl.onnx.OnnxCase.dims;

import ai.onnx.proto.OnnxMl;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Elementwise operators and activations against ONNX Runtime. */
class OnnxElementwiseOpsTest {
    private static final int FLOAT = OnnxMl.TensorProto.DataType.FLOAT_VALUE;
    private static final int BOOL = OnnxMl.TensorProto.DataType.BOOL_VALUE;

    @TempDir
    Path dir;

    private static OnnxCase unary(String op, OnnxMl.AttributeProto... attributes) {
        return OnnxCase.of(op + " " + attributes.length, 13, dims(2, 3, 4), b -> b.node(op, "x", "y", attributes));
    }

    /** {@code op} on |x| + 0.1, for operators defined on positive numbers. */
    private static OnnxCase positive(String op) {
        return OnnxCase.of(op, 13, dims(2, 3, 4), b -> b.scalar("eps", 0.1f).node("Abs", "x", "a")
                .node("Add", names("a", "eps"), names("p")).node(op, "p", "y"));
    }

    private static OnnxCase binary(String op, String label, boolean constantFirst, long... constantDims) {
        return OnnxCase.of(op + " " + label, 13, dims(2, 3, 4), b -> b.random("c", constantDims)
                .node(op, constantFirst ? names("c", "x") : names("x", "c"), names("y")));
    }

    /** A comparison whose boolean result is cast back to float. */
    private static OnnxCase comparison(String op) {
        return OnnxCase.of(op, 13, dims(2, 3, 4), b -> b.random("c", 4).node(op, names("x", "c"), names("m"))
                .node("Cast", "m", "y", attr("to", (long) FLOAT)));
    }

    static Stream<OnnxCase> cases() {
        return Stream.of(
                binary("Add", "broadcast last", false, 4), binary("Add", "constant first", true, 3, 1),
                binary("Sub", "broadcast", false, 3, 1), binary("Sub", "constant first", true, 4),
                binary("Mul", "same shape", false, 2, 3, 4), binary("Div", "constant first", true, 1, 4),
                binary("Div", "broadcast", false, 3, 4),
                OnnxCase.of("Pow square", 13, dims(2, 3, 4), b -> b.scalar("two", 2f)
                        .node("Pow", names("x", "two"), names("y"))),
                OnnxCase.of("Pow computed exponent", 13, dims(2, 3, 4), b -> b.scalar("base", 1.5f)
                        .node("Pow", names("base", "x"), names("y"))),
                OnnxCase.of("Add computed both", 13, dims(2, 3, 4), b -> b.node("Add", names("x", "x"), names("y"))),
                positive("Sqrt"), positive("Log"), unary("Exp"), unary("Neg"), unary("Erf"), unary("Abs"),
                unary("Relu"), unary("LeakyRelu"), unary("LeakyRelu", attr("alpha", 0.3f)), unary("Elu"),
                unary("Elu", attr("alpha", 0.5f)), unary("Sigmoid"), unary("Tanh"), unary("HardSigmoid"),
                unary("HardSigmoid", attr("alpha", 0.3f), attr("beta", 0.4f)),
                OnnxCase.of("HardSwish opset 14", 14, dims(2, 3, 4), b -> b.node("HardSwish", "x", "y")),
                OnnxCase.of("PRelu per channel", 13, dims(2, 3, 4, 5), b -> b.random("slope", 3, 1, 1)
                        .node("PRelu", names("x", "slope"), names("y"))),
                OnnxCase.of("Clip opset 11 inputs", 11, dims(2, 3, 4), b -> b.scalar("lo", -0.5f).scalar("hi", 0.7f)
                        .node("Clip", names("x", "lo", "hi"), names("y"))),
                OnnxCase.of("Clip max only", 13, dims(2, 3, 4), b -> b.scalar("hi", 0.2f)
                        .node("Clip", names("x", "", "hi"), names("y"))),
                comparison("Equal"), comparison("Greater"), comparison("Less"),
                OnnxCase.of("Equal on rounded", 13, dims(2, 3, 4), b -> b.random("c", 4).node("Floor", "x", "f")
                        .node("Floor", "c", "g").node("Equal", names("f", "g"), names("m"))
                        .node("Not", "m", "n").node("Cast", "n", "y", attr("to", (long) FLOAT))),
                OnnxCase.of("Where", 13, dims(2, 3, 4), b -> b.random("c", 3, 4).scalar("zero", 0f)
                        .node("Greater", names("x", "zero"), names("m"))
                        .node("Where", names("m", "x", "c"), names("y"))),
                OnnxCase.of("Min Max variadic", 13, dims(2, 3, 4), b -> b.random("c", 4).random("d", 3, 1)
                        .node("Min", names("x", "c", "d"), names("a")).node("Max", names("a", "c"), names("y"))),
                OnnxCase.of("Cast round trip", 13, dims(2, 3, 4), b -> b
                        .node("Cast", "x", "i", attr("to", (long) OnnxMl.TensorProto.DataType.INT64_VALUE))
                        .node("Cast", "i", "y", attr("to", (long) FLOAT))),
                OnnxCase.of("Softmax opset 13 axis 1", 13, dims(2, 3, 4), b -> b.node("Softmax", "x", "y",
                        attr("axis", 1L))),
                OnnxCase.of("Softmax opset 13 default", 13, dims(2, 3, 4), b -> b.node("Softmax", "x", "y")),
                OnnxCase.of("Softmax opset 11 flatten axis 1", 11, dims(2, 3, 4), b -> b.node("Softmax", "x", "y")),
                OnnxCase.of("LogSoftmax opset 11 axis -2", 11, dims(2, 3, 4), b -> b.node("LogSoftmax", "x", "y",
                        attr("axis", -2L))),
                OnnxCase.of("LogSoftmax opset 13 axis 0", 13, dims(2, 3, 4), b -> b.node("LogSoftmax", "x", "y",
                        attr("axis", 0L))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesOnnxRuntime(OnnxCase c) {
        c.check(dir);
    }
}
