package dev.glassbox.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.glassbox.core.model.EngineErrors;
import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ONNX Runtime answering a model's inner float tensors by name: the session runs a copy of the model whose graph
 * outputs are those tensors, so it computes only the nodes they need. glassbox-djl uses it for the part of an imported
 * graph that needs no gradient (the pass up to a layer whose activation and gradient a method asks for).
 */
public final class InnerTensors implements AutoCloseable {
    private final OrtSession session;
    private final String input;
    private final List<String> outputs;
    private final String description;

    private InnerTensors(OrtSession session, String input, List<String> outputs, String description) {
        this.session = session;
        this.input = input;
        this.outputs = outputs;
        this.description = description;
    }

    /**
     * Opens a session on a serialised ONNX model whose graph outputs are the tensors wanted (float32, a batch
     * dimension first) and whose one graph input is {@code input}.
     *
     * @throws IllegalArgumentException when ONNX Runtime refuses the model, naming why
     */
    public static InnerTensors open(byte[] model, String input, List<String> outputs, String description) {
        try {
            OrtSession session = OrtEnvironment.getEnvironment().createSession(model, new OrtSession.SessionOptions());
            return new InnerTensors(session, input, List.copyOf(outputs), description);
        } catch (OrtException | RuntimeException e) {
            throw new IllegalArgumentException("ONNX Runtime cannot compute " + outputs + " of " + description + ": "
                    + EngineErrors.firstLine(e), e);
        }
    }

    /** The tensors for one float32 input batch given flat, row-major, in the order they were asked for. */
    public Map<String, Values> run(float[] values, long[] shape) {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(values), shape);
                OrtSession.Result result = session.run(Map.of(input, x))) {
            Map<String, Values> out = new LinkedHashMap<>();
            for (String name : outputs) {
                OnnxValue value = result.get(name).orElseThrow();
                if (!(value instanceof OnnxTensor tensor)
                        || tensor.getInfo().type != ai.onnxruntime.OnnxJavaType.FLOAT) {
                    throw new IllegalArgumentException("tensor '" + name + "' of " + description
                            + " is not a float32 tensor");
                }
                FloatBuffer buffer = tensor.getFloatBuffer();
                float[] data = new float[buffer.remaining()];
                buffer.get(data);
                out.put(name, new Values(tensor.getInfo().getShape(), data));
            }
            return out;
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed on " + description + ": " + EngineErrors.firstLine(e), e);
        }
    }

    @Override
    public void close() {
        OnnxModel.close(session, description);
    }

    /**
     * One tensor's values.
     *
     * @param shape its dimensions, batch first
     * @param data its elements, row-major
     */
    public record Values(long[] shape, float[] data) {
    }
}
