package dev.glassbox.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.glassbox.core.math.Vectors;
import dev.glassbox.core.model.Batches;
import dev.glassbox.core.model.EngineErrors;
import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.ModelLoadException;
import dev.glassbox.core.model.ModelOptions;
import dev.glassbox.core.model.Shape;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * An ONNX model run by ONNX Runtime. Forward only: the methods that need no gradient (perturbation explainers,
 * calibration, embeddings of outputs) apply to it, with no PyTorch engine on the class path. glassbox-djl's
 * {@code Models.load} imports ONNX files as graphs with gradients, runs their plain forward passes here when this module
 * is present, and falls back to this class alone for files whose operators the importer does not know.
 */
public final class OnnxModel implements Model {
    private final Path file;
    private final OrtSession session;
    private final String inputName;
    private final boolean readsIntegers;
    private final Shape inputShape;
    private final int outputSize;
    private final List<String> classNames;
    private final int batchSize;
    private final String importFailure;

    private OnnxModel(Path file, OrtSession session, Shape inputShape, ModelOptions options, String importFailure)
            throws OrtException {
        this.file = file;
        this.importFailure = importFailure;
        this.session = session;
        this.inputName = session.getInputNames().iterator().next();
        this.readsIntegers = session.getInputInfo().get(inputName).getInfo() instanceof TensorInfo tensor
                && tensor.type == ai.onnxruntime.OnnxJavaType.INT64;
        this.inputShape = inputShape;
        this.batchSize = options.batchSize();
        this.outputSize = probeOutputSize();
        this.classNames = Model.namesOrDefault(options.classNames(), outputSize);
    }

    /**
     * Loads an ONNX file. The input shape comes from the options, or else from the model's own input description when
     * all of its non-batch dimensions are fixed.
     */
    public static OnnxModel load(Path file, ModelOptions options) {
        return load(file, options, null);
    }

    /**
     * Loads an ONNX file that glassbox could not import as a graph, remembering why ({@code importFailure}, or
     * {@code null}), so that methods needing gradients can say it.
     */
    public static OnnxModel load(Path file, ModelOptions options, String importFailure) {
        if (!Files.isRegularFile(file)) {
            throw new ModelLoadException("model file not found: " + file);
        }
        OrtSession session;
        try {
            session = OrtEnvironment.getEnvironment().createSession(file.toString(), new OrtSession.SessionOptions());
        } catch (OrtException | RuntimeException e) {
            throw new ModelLoadException("cannot load " + file + " as an ONNX model: " + EngineErrors.firstLine(e), e);
        }
        try {
            if (session.getNumInputs() != 1) {
                throw new ModelLoadException("ONNX model " + file + " has " + session.getNumInputs()
                        + " inputs; glassbox needs a model with exactly one input");
            }
            Shape shape = options.inputShape() != null ? options.inputShape() : declaredInputShape(session, file);
            return new OnnxModel(file, session, shape, options, importFailure);
        } catch (OrtException | RuntimeException e) {
            closeQuietly(session, e);
            throw e instanceof ModelLoadException m ? m
                    : new ModelLoadException("cannot use ONNX model " + file + ": " + EngineErrors.firstLine(e), e);
        }
    }

    private static Shape declaredInputShape(OrtSession session, Path file) throws OrtException {
        NodeInfo input = session.getInputInfo().values().iterator().next();
        if (!(input.getInfo() instanceof TensorInfo tensor)) {
            throw new ModelLoadException("ONNX model " + file + " takes a non-tensor input");
        }
        long[] dims = tensor.getShape();
        int[] sample = new int[dims.length - 1];
        for (int i = 1; i < dims.length; i++) {
            if (dims[i] <= 0) {
                throw new ModelLoadException("ONNX model " + file + " has a dynamic input dimension: give the input shape");
            }
            sample[i - 1] = Math.toIntExact(dims[i]);
        }
        return new Shape(sample);
    }

    private int probeOutputSize() {
        try {
            return run(new float[][] {new float[inputShape.size()]})[0].length;
        } catch (RuntimeException e) {
            throw new ModelLoadException("ONNX model " + file + " does not accept inputs of shape " + inputShape + ": "
                    + EngineErrors.firstLine(e), e);
        }
    }

    private static void closeQuietly(OrtSession session, Exception cause) {
        try {
            session.close();
        } catch (OrtException | RuntimeException closeError) {
            cause.addSuppressed(closeError);
        }
    }

    /** Why the file could not be imported as a graph with gradients, or {@code null} when that was not tried. */
    public String importFailure() {
        return importFailure;
    }

    @Override
    public Shape inputShape() {
        return inputShape;
    }

    @Override
    public int outputSize() {
        return outputSize;
    }

    @Override
    public List<String> outputNames() {
        return classNames;
    }

    @Override
    public float[][] predict(float[][] batch) {
        Batches.requireValid(batch, inputShape);
        return Batches.mapInChunks(batch, batchSize, this::run);
    }

    private float[][] run(float[][] rows) {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OnnxTensor x = inputTensor(env, rows);
                OrtSession.Result result = session.run(Map.of(inputName, x))) {
            if (!(result.get(0) instanceof OnnxTensor y)) {
                throw new IllegalStateException("ONNX model " + file + " returned a non-tensor output");
            }
            long[] shape = y.getInfo().getShape();
            if (shape.length != 2) {
                throw new IllegalStateException("ONNX model " + file + " returns scores of shape "
                        + java.util.Arrays.toString(shape) + "; glassbox expects batch × outputs");
            }
            FloatBuffer values = y.getFloatBuffer();
            float[][] out = new float[rows.length][(int) shape[1]];
            for (float[] row : out) {
                values.get(row);
            }
            return out;
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed on " + file + ": " + EngineErrors.firstLine(e), e);
        }
    }

    /** The rows as the input tensor: float32, or int64 (token ids) when the model reads those. */
    private OnnxTensor inputTensor(OrtEnvironment env, float[][] rows) throws OrtException {
        long[] shape = inputShape.withBatch(rows.length);
        float[] flat = Vectors.flatten(rows);
        if (!readsIntegers) {
            return OnnxTensor.createTensor(env, FloatBuffer.wrap(flat), shape);
        }
        long[] ids = new long[flat.length];
        for (int i = 0; i < flat.length; i++) {
            ids[i] = Math.round(flat[i]);
        }
        return OnnxTensor.createTensor(env, java.nio.LongBuffer.wrap(ids), shape);
    }

    @Override
    public void close() {
        close(session, toString());
    }

    /** Closes a session of {@code what}, with a clear error if ONNX Runtime cannot. */
    static void close(OrtSession session, String what) {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("cannot close the ONNX session of " + what + ": "
                    + EngineErrors.firstLine(e), e);
        }
    }

    @Override
    public String toString() {
        return "ONNX model " + file;
    }
}
