package dev.glassbox.djl.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;

/** Runs a model file through the importer on PyTorch and through ONNX Runtime, and measures the difference. */
final class OrtCheck {
    static final double TOLERANCE = 1e-5;

    private OrtCheck() {
    }

    static float[] randomInput(long[] shape, long seed) {
        Random random = new Random(seed);
        float[] x = new float[(int) Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        return x;
    }

    /** ONNX Runtime's output (flattened) and shape for a float input. */
    static Result ort(Path model, String input, float[] x, long[] shape) {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.NO_OPT);
            try (OrtSession session = env.createSession(model.toString(), options);
                    OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), shape);
                    OrtSession.Result result = session.run(Map.of(input, tensor))) {
                OnnxTensor out = (OnnxTensor) result.get(0);
                long[] outShape = out.getInfo().getShape();
                FloatBuffer buffer = out.getFloatBuffer();
                float[] values = new float[buffer.remaining()];
                buffer.get(values);
                return new Result(values, outShape);
            }
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }

    /** ONNX Runtime's output for an INT64 input. */
    static Result ortLongs(Path model, String input, long[] x, long[] shape) {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(model.toString(), new OrtSession.SessionOptions());
                OnnxTensor tensor = OnnxTensor.createTensor(env, LongBuffer.wrap(x), shape);
                OrtSession.Result result = session.run(Map.of(input, tensor))) {
            OnnxTensor out = (OnnxTensor) result.get(0);
            FloatBuffer buffer = out.getFloatBuffer();
            float[] values = new float[buffer.remaining()];
            buffer.get(values);
            return new Result(values, out.getInfo().getShape());
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The importer's output on PyTorch. */
    static Result glassbox(Path model, float[] x, long[] shape) {
        try (OnnxImport imported = OnnxGraphs.read(model);
                NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            NDArray input = manager.create(x, new Shape(shape));
            NDArray y = imported.graph().run(input);
            return new Result(y.toType(DataType.FLOAT32, false).toFloatArray(), y.getShape().getShape());
        }
    }

    /** Asserts the importer matches ONNX Runtime within the tolerance on a random input; returns the largest error. */
    static double compare(String label, Path model, long... shape) {
        float[] x = randomInput(shape, 11);
        Result expected = ort(model, "x", x, shape);
        Result actual = glassbox(model, x, shape);
        assertThat(actual.shape()).as(label + " shape").containsExactly(expected.shape());
        double error = maxError(expected.values(), actual.values());
        System.out.printf("ORT-COMPARE %-50s max abs error %.3g%n", label, error);
        assertThat(error).as(label + " max abs error").isLessThanOrEqualTo(TOLERANCE);
        return error;
    }

    static double maxError(float[] a, float[] b) {
        assertThat(b).hasSameSizeAs(a);
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            if (Float.isNaN(a[i]) != Float.isNaN(b[i])) {
                return Double.POSITIVE_INFINITY;
            }
            if (!Float.isNaN(a[i]) && a[i] != b[i]) {
                max = Math.max(max, Math.abs(a[i] - b[i]));
            }
        }
        return max;
    }

    record Result(float[] values, long[] shape) {
    }
}
