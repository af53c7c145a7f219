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

/** Resize against ONNX Runtime. */
class OnnxResizeOpsTest {
    @TempDir
    Path dir;

    private static OnnxCase scales(String mode, String coordinates, String rounding, int opset, float... scales) {
        String label = "Resize " + mode + " " + coordinates + " " + rounding + " opset " + opset + " scales "
                + java.util.Arrays.toString(scales);
        return OnnxCase.of(label, opset, dims(2, 2, 4, 5), b -> b.floats("roi", dims(0), new float[0])
                .floats("scales", dims(scales.length), scales).node("Resize", names("x", "roi", "scales"), names("y"),
                        attr("mode", mode), attr("coordinate_transformation_mode", coordinates),
                        attr("nearest_mode", rounding)));
    }

    private static OnnxCase sizes(String mode, String coordinates, String rounding, long... sizes) {
        String label = "Resize " + mode + " " + coordinates + " " + rounding + " sizes "
                + java.util.Arrays.toString(sizes);
        return OnnxCase.of(label, 13, dims(2, 2, 4, 5), b -> b.longs("sizes", sizes)
                .node("Resize", names("x", "", "", "sizes"), names("y"), attr("mode", mode),
                        attr("coordinate_transformation_mode", coordinates), attr("nearest_mode", rounding)));
    }

    static Stream<OnnxCase> cases() {
        return Stream.of(
                scales("nearest", "asymmetric", "floor", 13, 1, 1, 2, 2),
                scales("nearest", "asymmetric", "floor", 11, 1, 1, 3, 2),
                scales("nearest", "half_pixel", "round_prefer_floor", 13, 1, 1, 1.5f, 2.5f),
                scales("nearest", "half_pixel", "round_prefer_ceil", 13, 1, 1, 2, 2),
                scales("nearest", "align_corners", "ceil", 13, 1, 1, 1.5f, 0.6f),
                scales("nearest", "tf_half_pixel_for_nn", "round_prefer_floor", 13, 1, 1, 2, 2),
                scales("linear", "half_pixel", "round_prefer_floor", 13, 1, 1, 2, 2),
                scales("linear", "pytorch_half_pixel", "round_prefer_floor", 13, 1, 1, 2, 3),
                scales("linear", "align_corners", "round_prefer_floor", 13, 1, 1, 2, 2),
                scales("linear", "asymmetric", "round_prefer_floor", 13, 1, 1, 2, 1.5f),
                scales("linear", "half_pixel", "round_prefer_floor", 13, 1, 1, 0.5f, 0.6f),
                scales("linear", "half_pixel", "round_prefer_floor", 11, 1, 1, 2, 2),
                sizes("nearest", "half_pixel", "round_prefer_floor", 2, 2, 7, 9),
                sizes("nearest", "asymmetric", "floor", 2, 2, 8, 10),
                sizes("linear", "pytorch_half_pixel", "round_prefer_floor", 2, 2, 1, 7),
                sizes("linear", "align_corners", "round_prefer_floor", 2, 2, 9, 3),
                OnnxCase.of("Resize opset 18 axes", 18, dims(2, 2, 4, 5), b -> b.floats("scales", dims(2),
                        new float[] {2, 2}).node("Resize", names("x", "", "scales"), names("y"), attr("mode", "linear"),
                                ints("axes", 2, 3))),
                OnnxCase.of("Resize 1-D linear", 13, dims(2, 3, 6), b -> b.longs("sizes", 2, 3, 11)
                        .node("Resize", names("x", "", "", "sizes"), names("y"), attr("mode", "linear"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesOnnxRuntime(OnnxCase c) {
        c.check(dir);
    }
}
