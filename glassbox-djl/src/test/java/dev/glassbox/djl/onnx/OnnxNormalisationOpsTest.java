package dev.glassbox.djl.onnx;

import static dev.glassbox.djl.onnx.OnnxBuilder.attr;
import static dev.glassbox.djl.onnx.OnnxBuilder.ints;
import static dev.glassbox.djl.onnx.OnnxBuilder.names;
import static dev.glassbox.djl.onnx.OnnxCase.dims;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Normalisation, reductions and Dropout against ONNX Runtime. */
class OnnxNormalisationOpsTest {
    @TempDir
    Path dir;

    private static OnnxCase reduce(String op, int opset, boolean axesInput, long keep, long... axes) {
        String label = op + " opset " + opset + " axes " + java.util.Arrays.toString(axes) + " keepdims " + keep;
        return OnnxCase.of(label, opset, dims(2, 3, 4, 5), b -> {
            if (axes.length == 0) {
                b.node(op, "x", "y", attr("keepdims", keep));
            } else if (axesInput) {
                b.longs("axes", axes).node(op, names("x", "axes"), names("y"), attr("keepdims", keep));
            } else {
                b.node(op, "x", "y", ints("axes", axes), attr("keepdims", keep));
            }
        });
    }

    static Stream<OnnxCase> cases() {
        return Stream.of(
                OnnxCase.of("BatchNormalization 4-D", 13, dims(2, 3, 4, 5), b -> b.random("s", 3).random("b", 3)
                        .random("m", 3).positive("v", 3).node("BatchNormalization", names("x", "s", "b", "m", "v"),
                                names("y"), attr("epsilon", 1e-3f))),
                OnnxCase.of("BatchNormalization 2-D opset 15", 15, dims(4, 3), b -> b.random("s", 3).random("b", 3)
                        .random("m", 3).positive("v", 3).node("BatchNormalization", names("x", "s", "b", "m", "v"),
                                names("y"))),
                OnnxCase.of("LayerNormalization last axis", 17, dims(2, 3, 6), b -> b.random("s", 6).random("b", 6)
                        .node("LayerNormalization", names("x", "s", "b"), names("y"))),
                OnnxCase.of("LayerNormalization axis 1 no bias", 17, dims(2, 3, 4), b -> b.random("s", 3, 4)
                        .node("LayerNormalization", names("x", "s"), names("y"), attr("axis", 1L),
                                attr("epsilon", 1e-3f))),
                OnnxCase.of("InstanceNormalization", 13, dims(2, 3, 4, 5), b -> b.random("s", 3).random("b", 3)
                        .node("InstanceNormalization", names("x", "s", "b"), names("y"))),
                OnnxCase.of("Dropout inference", 13, dims(2, 3), b -> b.node("Dropout", "x", "y")),
                reduce("ReduceMean", 13, false, 1, 2, 3), reduce("ReduceMean", 13, false, 0, -1),
                reduce("ReduceMean", 18, true, 1, 1), reduce("ReduceMean", 13, false, 0),
                reduce("ReduceSum", 13, true, 0, 1, -1), reduce("ReduceSum", 11, false, 1, 0),
                reduce("ReduceMax", 13, false, 1, -2), reduce("ReduceMax", 18, true, 0, 0, 2),
                reduce("ReduceMin", 13, false, 0, 3));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesOnnxRuntime(OnnxCase c) {
        c.check(dir);
    }
}
