package dev.glassbox.djl.onnx;

import static dev.glassbox.djl.onnx.OnnxBuilder.attr;
import static dev.glassbox.djl.onnx.OnnxCase.dims;
import static dev.glassbox.djl.onnx.OnnxBuilder.ints;

import ai.onnx.proto.OnnxMl;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** MaxPool, AveragePool and the global pools against ONNX Runtime. */
class OnnxPoolingOpsTest {
    @TempDir
    Path dir;

    private static OnnxCase pool(String op, String label, long[] x, OnnxMl.AttributeProto... attributes) {
        return OnnxCase.of(op + " " + label, 13, x, b -> b.node(op, "x", "y", attributes));
    }

    static Stream<OnnxCase> cases() {
        return Stream.of("MaxPool", "AveragePool").flatMap(op -> Stream.of(
                pool(op, "2x2 stride 2", dims(2, 3, 8, 8), ints("kernel_shape", 2, 2), ints("strides", 2, 2)),
                pool(op, "3x3 pads 1", dims(2, 3, 7, 7), ints("kernel_shape", 3, 3), ints("pads", 1, 1, 1, 1)),
                pool(op, "3x3 pads 1 count_include_pad", dims(2, 3, 7, 7), ints("kernel_shape", 3, 3),
                        ints("pads", 1, 1, 1, 1), attr("count_include_pad", 1)),
                pool(op, "asymmetric pads", dims(2, 3, 7, 8), ints("kernel_shape", 3, 2), ints("pads", 0, 1, 2, 0),
                        ints("strides", 2, 1)),
                pool(op, "asymmetric pads count_include_pad", dims(2, 3, 7, 8), ints("kernel_shape", 3, 2),
                        ints("pads", 0, 1, 2, 0), attr("count_include_pad", 1)),
                pool(op, "ceil_mode", dims(2, 3, 8, 7), ints("kernel_shape", 3, 3), ints("strides", 2, 2),
                        attr("ceil_mode", 1)),
                pool(op, "ceil_mode pads", dims(2, 3, 8, 7), ints("kernel_shape", 3, 3), ints("strides", 2, 2),
                        ints("pads", 1, 1, 1, 1), attr("ceil_mode", 1)),
                pool(op, "ceil_mode pads count_include_pad", dims(2, 3, 8, 7), ints("kernel_shape", 3, 3),
                        ints("strides", 2, 2), ints("pads", 1, 1, 1, 1), attr("ceil_mode", 1),
                        attr("count_include_pad", 1)),
                pool(op, "SAME_UPPER", dims(2, 3, 7, 8), ints("kernel_shape", 2, 3), ints("strides", 2, 2),
                        attr("auto_pad", "SAME_UPPER")),
                pool(op, "SAME_LOWER", dims(2, 3, 7, 8), ints("kernel_shape", 2, 3), ints("strides", 2, 2),
                        attr("auto_pad", "SAME_LOWER")),
                pool(op, "VALID", dims(2, 3, 7, 8), ints("kernel_shape", 2, 3), attr("auto_pad", "VALID")),
                pool(op, "1-D", dims(2, 3, 11), ints("kernel_shape", 3), ints("strides", 2), ints("pads", 1, 0)),
                pool(op, "5x5 large pads", dims(1, 2, 6, 6), ints("kernel_shape", 5, 5), ints("pads", 2, 2, 2, 2))));
    }

    static Stream<OnnxCase> allCases() {
        Stream<OnnxCase> local = cases()
                .filter(c -> !(c.label().startsWith("MaxPool") && c.label().contains("count_include")));
        return Stream.concat(local, Stream.of(pool("GlobalAveragePool", "", dims(2, 3, 5, 6)),
                pool("GlobalMaxPool", "", dims(2, 3, 5, 6)), pool("GlobalAveragePool", "1-D", dims(2, 3, 5)),
                pool("GlobalMaxPool", "3-D", dims(2, 3, 3, 4, 5))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allCases")
    void matchesOnnxRuntime(OnnxCase c) {
        c.check(dir);
    }
}
