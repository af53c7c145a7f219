package dev.glassbox.djl.onnx;

import static dev.glassbox.djl.onnx.OnnxBuilder.attr;
import static dev.glassbox.djl.onnx.OnnxBuilder.ints;
import static dev.glassbox.djl.onnx.OnnxBuilder.names;
import static dev.glassbox.djl.onnx.OnnxCase.dims;

import ai.onnx.proto.OnnxMl;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Conv, ConvTranspose, Gemm and MatMul against ONNX Runtime. */
class OnnxConvolutionOpsTest {
    @TempDir
    Path dir;

    private static OnnxCase conv(String label, long[] x, long[] w, boolean bias, OnnxMl.AttributeProto... attributes) {
        return conv("Conv", label, x, w, bias, attributes);
    }

    private static OnnxCase conv(String op, String label, long[] x, long[] w, boolean bias,
            OnnxMl.AttributeProto... attributes) {
        long outChannels = op.equals("Conv") ? w[0] : w[1] * groupOf(attributes);
        return OnnxCase.of(op + " " + label, 13, x, b -> {
            b.random("W", w);
            if (bias) {
                b.random("B", outChannels);
            }
            b.node(op, bias ? names("x", "W", "B") : names("x", "W"), names("y"), attributes);
        });
    }

    private static long groupOf(OnnxMl.AttributeProto... attributes) {
        for (OnnxMl.AttributeProto a : attributes) {
            if (a.getName().equals("group")) {
                return a.getI();
            }
        }
        return 1;
    }

    static Stream<OnnxCase> cases() {
        return Stream.of(
                conv("3x3 pads 1", dims(2, 3, 8, 8), dims(4, 3, 3, 3), true, ints("pads", 1, 1, 1, 1)),
                conv("no bias, kernel_shape given", dims(2, 3, 8, 8), dims(4, 3, 3, 3), false,
                        ints("kernel_shape", 3, 3)),
                conv("asymmetric pads", dims(2, 3, 8, 7), dims(4, 3, 3, 2), true, ints("pads", 0, 1, 2, 0)),
                conv("strides 2 dilations 2", dims(2, 3, 11, 9), dims(5, 3, 3, 3), true, ints("strides", 2, 2),
                        ints("dilations", 2, 2), ints("pads", 1, 2, 1, 2)),
                conv("group 3", dims(2, 6, 7, 7), dims(6, 2, 3, 3), true, attr("group", 3)),
                conv("depthwise", dims(2, 4, 7, 7), dims(8, 1, 3, 3), true, attr("group", 4),
                        ints("pads", 1, 1, 1, 1)),
                conv("SAME_UPPER stride 2 even kernel", dims(2, 3, 9, 8), dims(4, 3, 2, 4), true,
                        attr("auto_pad", "SAME_UPPER"), ints("strides", 2, 2)),
                conv("SAME_LOWER", dims(2, 3, 9, 8), dims(4, 3, 2, 4), true, attr("auto_pad", "SAME_LOWER")),
                conv("VALID stride 3", dims(2, 3, 10, 10), dims(4, 3, 3, 3), true, attr("auto_pad", "VALID"),
                        ints("strides", 3, 3)),
                conv("1-D pads strides dilation", dims(2, 3, 17), dims(4, 3, 3), true, ints("pads", 2, 1),
                        ints("strides", 2), ints("dilations", 2)),
                conv("1-D SAME_UPPER", dims(2, 3, 10), dims(4, 3, 4), true, attr("auto_pad", "SAME_UPPER")),
                conv("ConvTranspose", "stride 2 pads 1", dims(2, 4, 5, 5), dims(4, 3, 3, 3), true,
                        ints("strides", 2, 2), ints("pads", 1, 1, 1, 1)),
                conv("ConvTranspose", "output_padding", dims(2, 4, 5, 5), dims(4, 3, 3, 3), true,
                        ints("strides", 2, 2), ints("pads", 1, 1, 1, 1), ints("output_padding", 1, 1)),
                conv("ConvTranspose", "asymmetric pads dilation", dims(2, 4, 5, 6), dims(4, 3, 3, 2), true,
                        ints("pads", 0, 1, 2, 0), ints("dilations", 2, 1)),
                conv("ConvTranspose", "group 2 no bias", dims(2, 4, 5, 5), dims(4, 3, 3, 3), false,
                        attr("group", 2), ints("strides", 2, 1)),
                conv("ConvTranspose", "output_shape", dims(2, 4, 5, 5), dims(4, 3, 3, 3), true,
                        ints("strides", 2, 2), ints("output_shape", 10, 10)),
                conv("ConvTranspose", "SAME_UPPER", dims(2, 4, 5, 5), dims(4, 3, 4, 3), true,
                        ints("strides", 2, 2), attr("auto_pad", "SAME_UPPER")),
                conv("ConvTranspose", "SAME_LOWER", dims(2, 4, 5, 5), dims(4, 3, 4, 3), true,
                        ints("strides", 2, 2), attr("auto_pad", "SAME_LOWER")),
                conv("ConvTranspose", "1-D", dims(2, 4, 7), dims(4, 2, 3), true, ints("strides", 3),
                        ints("pads", 1, 0)),
                OnnxCase.of("Gemm transB bias", 13, dims(3, 5), b -> b.random("W", 4, 5).random("C", 4)
                        .node("Gemm", names("x", "W", "C"), names("y"), attr("transB", 1))),
                OnnxCase.of("Gemm alpha beta transA, 2-D C", 13, dims(5, 3), b -> b.random("W", 4, 5)
                        .random("C", 3, 4).node("Gemm", names("x", "W", "C"), names("y"), attr("transA", 1),
                                attr("transB", 1), attr("alpha", 0.7f), attr("beta", -1.5f))),
                OnnxCase.of("Gemm no C opset 11", 11, dims(3, 5), b -> b.random("W", 5, 2)
                        .node("Gemm", names("x", "W"), names("y"))),
                OnnxCase.of("Gemm computed B", 13, dims(4, 4), b -> b.random("C", 4)
                        .node("Gemm", names("x", "x", "C"), names("y"), attr("transB", 1), attr("alpha", 0.5f))),
                OnnxCase.of("MatMul 4-D by 2-D", 13, dims(2, 3, 4, 5), b -> b.random("W", 5, 6)
                        .node("MatMul", names("x", "W"), names("y"))),
                OnnxCase.of("MatMul batched broadcast", 13, dims(2, 3, 4, 5), b -> b.random("W", 3, 5, 2)
                        .node("MatMul", names("x", "W"), names("y"))),
                OnnxCase.of("MatMul constant first", 13, dims(2, 5, 3), b -> b.random("W", 4, 5)
                        .node("MatMul", names("W", "x"), names("y"))),
                OnnxCase.of("MatMul by vector", 13, dims(2, 3, 5), b -> b.random("W", 5)
                        .node("MatMul", names("x", "W"), names("y"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesOnnxRuntime(OnnxCase c) {
        c.check(dir);
    }
}
