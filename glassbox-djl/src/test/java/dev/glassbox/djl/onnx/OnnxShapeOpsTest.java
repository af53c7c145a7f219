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

/** Shape and layout operators against ONNX Runtime. */
class OnnxShapeOpsTest {
    private static final long MAX = Long.MAX_VALUE;
    private static final long MIN = Long.MIN_VALUE;

    @TempDir
    Path dir;

    private static OnnxCase slice(String label, long[] starts, long[] ends, long[] axes, long[] steps) {
        return OnnxCase.of("Slice " + label, 13, dims(2, 5, 6), b -> {
            b.longs("starts", starts).longs("ends", ends);
            if (steps != null) {
                b.longs("axes", axes).longs("steps", steps).node("Slice", names("x", "starts", "ends", "axes", "steps"),
                        names("y"));
            } else if (axes != null) {
                b.longs("axes", axes).node("Slice", names("x", "starts", "ends", "axes"), names("y"));
            } else {
                b.node("Slice", names("x", "starts", "ends"), names("y"));
            }
        });
    }

    private static OnnxCase pad(String label, int opset, String mode, long[] pads, OnnxMl.AttributeProto... more) {
        return OnnxCase.of("Pad " + label, opset, dims(2, 3, 4, 5), b -> {
            b.longs("pads", pads).scalar("value", 0.5f);
            OnnxMl.AttributeProto[] attributes = Stream.concat(Stream.of(attr("mode", mode)), Stream.of(more))
                    .toArray(OnnxMl.AttributeProto[]::new);
            b.node("Pad", mode.equals("constant") ? names("x", "pads", "value") : names("x", "pads"), names("y"),
                    attributes);
        });
    }

    static Stream<OnnxCase> cases() {
        return Stream.of(
                OnnxCase.of("Reshape [0, -1]", 13, dims(2, 3, 4), b -> b.longs("s", 0, -1)
                        .node("Reshape", names("x", "s"), names("y"))),
                OnnxCase.of("Reshape [-1, 4, 1]", 13, dims(2, 3, 4), b -> b.longs("s", -1, 4, 1)
                        .node("Reshape", names("x", "s"), names("y"))),
                OnnxCase.of("Flatten axis 2", 13, dims(2, 3, 4, 5), b -> b.node("Flatten", "x", "y", attr("axis", 2L))),
                OnnxCase.of("Flatten axis -1", 13, dims(2, 3, 4), b -> b.node("Flatten", "x", "y", attr("axis", -1L))),
                OnnxCase.of("Flatten axis 0", 11, dims(2, 3, 4), b -> b.node("Flatten", "x", "y", attr("axis", 0L))),
                OnnxCase.of("Transpose perm", 13, dims(2, 3, 4), b -> b
                        .node("Transpose", "x", "y", ints("perm", 0, 2, 1))),
                OnnxCase.of("Transpose default", 13, dims(2, 3, 4), b -> b.node("Transpose", "x", "y")),
                OnnxCase.of("Concat constant axis -1", 13, dims(2, 3, 4), b -> b.random("c", 2, 3, 2)
                        .node("Concat", names("c", "x", "x"), names("y"), attr("axis", -1L))),
                OnnxCase.of("Split attribute opset 11", 11, dims(2, 3, 4), b -> b
                        .node("Split", names("x"), names("a", "b"), attr("axis", 1L), ints("split", 1, 2))
                        .node("Concat", names("b", "a"), names("y"), attr("axis", 1L))),
                OnnxCase.of("Split input opset 13 equal", 13, dims(2, 3, 4), b -> b
                        .node("Split", names("x"), names("a", "b"), attr("axis", -1L))
                        .node("Sub", names("a", "b"), names("y"))),
                OnnxCase.of("Split input opset 13 sizes", 13, dims(2, 5, 4), b -> b.longs("sizes", 3, 2)
                        .node("Split", names("x", "sizes"), names("a", "b"), attr("axis", 1L))
                        .node("Concat", names("b", "a"), names("y"), attr("axis", 1L))),
                OnnxCase.of("Split num_outputs opset 18 uneven", 18, dims(2, 5, 4), b -> b
                        .node("Split", names("x"), names("a", "b"), attr("axis", 1L), attr("num_outputs", 2L))
                        .node("Concat", names("b", "a"), names("y"), attr("axis", 1L))),
                slice("to INT64_MAX", new long[] {1}, new long[] {MAX}, new long[] {2}, null),
                slice("negative indices", new long[] {-4, -5}, new long[] {-1, -2}, new long[] {1, 2}, null),
                slice("all axes implicit", new long[] {0, 1, 2}, new long[] {1, 4, 6}, null, null),
                slice("steps 2", new long[] {0, 1}, new long[] {MAX, 6}, new long[] {1, -1}, new long[] {2, 2}),
                slice("step -1 reverse", new long[] {-1}, new long[] {MIN}, new long[] {2}, new long[] {-1}),
                slice("step -2", new long[] {4, 5}, new long[] {0, -7}, new long[] {1, 2}, new long[] {-2, -3}),
                OnnxCase.of("Gather axis 1 negative", 13, dims(2, 5, 3), b -> b.longs("i", 2, -1, 0)
                        .node("Gather", names("x", "i"), names("y"), attr("axis", 1L))),
                OnnxCase.of("Gather scalar index", 13, dims(2, 5, 3), b -> b.longs("i", new long[0], -2)
                        .node("Gather", names("x", "i"), names("y"), attr("axis", -1L))),
                OnnxCase.of("Gather 2-D indices axis 0", 13, dims(4, 3), b -> b
                        .longs("i", new long[] {2, 2}, 0, 3, 1, 1)
                        .node("Gather", names("x", "i"), names("y"))),
                OnnxCase.of("Unsqueeze attribute opset 11", 11, dims(2, 3), b -> b
                        .node("Unsqueeze", "x", "y", ints("axes", 0, -1))),
                OnnxCase.of("Unsqueeze input opset 13", 13, dims(2, 3), b -> b.longs("axes", 1, 3)
                        .node("Unsqueeze", names("x", "axes"), names("y"))),
                OnnxCase.of("Squeeze attribute opset 11", 11, dims(2, 1, 3, 1), b -> b
                        .node("Squeeze", "x", "y", ints("axes", -1))),
                OnnxCase.of("Squeeze input opset 13", 13, dims(2, 1, 3, 1), b -> b.longs("axes", 1, 3)
                        .node("Squeeze", names("x", "axes"), names("y"))),
                OnnxCase.of("Squeeze all ones", 13, dims(2, 1, 3, 1), b -> b.node("Squeeze", "x", "y")),
                OnnxCase.of("Expand bidirectional", 13, dims(2, 3, 1), b -> b.longs("s", 1, 3, 4)
                        .node("Expand", names("x", "s"), names("y"))),
                OnnxCase.of("Expand more dims", 13, dims(3, 1), b -> b.longs("s", 2, 1, 4)
                        .node("Expand", names("x", "s"), names("y"))),
                OnnxCase.of("Tile", 13, dims(2, 3, 2), b -> b.longs("r", 1, 2, 3)
                        .node("Tile", names("x", "r"), names("y"))),
                pad("constant value", 13, "constant", new long[] {0, 0, 1, 2, 0, 1, 0, 3}),
                pad("constant negative crop", 13, "constant", new long[] {0, 0, -1, 2, 0, 0, 1, -2}),
                pad("reflect", 13, "reflect", new long[] {0, 0, 2, 3, 0, 0, 3, 4}),
                pad("edge", 11, "edge", new long[] {0, 1, 2, 3, 0, 0, 3, 1}),
                OnnxCase.of("Pad axes input opset 18", 18, dims(2, 3, 4, 5), b -> b.longs("pads", 1, 2, 2, 1)
                        .longs("axes", -1, 1).node("Pad", names("x", "pads", "", "axes"), names("y"),
                                attr("mode", "reflect"))),
                OnnxCase.of("Range over the computed length", 13, dims(2, 3, 5), b -> b.longs("last", new long[0], -1)
                        .longs("start", new long[0], 0).longs("step", new long[0], 1).node("Shape", "x", "s")
                        .node("Gather", names("s", "last"), names("n")).node("Range", names("start", "n", "step"),
                                names("r")).node("Cast", "r", "f", attr("to", 1L))
                        .node("Add", names("x", "f"), names("y"))),
                OnnxCase.of("Identity", 13, dims(2, 3), b -> b.node("Identity", "x", "y")),
                OnnxCase.of("ConstantOfShape from Shape", 13, dims(2, 3), b -> b.node("Shape", "x", "s")
                        .rawNode(OnnxMl.NodeProto.newBuilder().setOpType("ConstantOfShape").addInput("s")
                                .addOutput("c").addAttribute(attr("value", OnnxBuilder.tensor("v",
                                        OnnxMl.TensorProto.DataType.FLOAT_VALUE, new long[] {1}).addFloatData(2.5f)
                                        .build())).build())
                        .node("Mul", names("x", "c"), names("y"))),
                OnnxCase.of("Shape start end opset 15", 15, dims(2, 3, 4), b -> b.node("Shape", "x", "s",
                        attr("start", 1L), attr("end", -1L)).longs("minus", -1)
                        .node("Concat", names("minus", "s"), names("t"), attr("axis", 0L))
                        .node("Reshape", names("x", "t"), names("y"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesOnnxRuntime(OnnxCase c) {
        c.check(dir);
    }
}
