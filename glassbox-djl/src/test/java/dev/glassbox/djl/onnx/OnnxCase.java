package dev.glassbox.djl.onnx;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;

/** One operator test: a model from input {@code x} to output {@code y}, and the input shape to run it on. */
record OnnxCase(String label, OnnxBuilder model, long[] shape) {

    /** A case whose graph {@code body} builds from {@code x} (declared with a symbolic batch) to {@code y}. */
    static OnnxCase of(String label, int opset, long[] shape, Consumer<OnnxBuilder> body) {
        long[] declared = shape.clone();
        if (declared.length > 0) {
            declared[0] = -1;
        }
        OnnxBuilder b = new OnnxBuilder(opset).input("x", declared).output("y");
        body.accept(b);
        return new OnnxCase(label, b, shape);
    }

    static long[] dims(long... dims) {
        return dims;
    }

    double check(Path dir) {
        return OrtCheck.compare(label, model.write(dir), shape);
    }

    @Override
    public String toString() {
        return label + " " + Arrays.toString(shape);
    }
}
