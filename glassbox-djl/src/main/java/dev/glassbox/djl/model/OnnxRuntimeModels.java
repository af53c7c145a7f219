package dev.glassbox.djl.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.onnx.proto.OnnxMl;
import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.ModelLoadException;
import dev.glassbox.core.model.ModelOptions;
import dev.glassbox.onnx.InnerTensors;
import dev.glassbox.onnx.OnnxModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The only place glassbox-djl touches glassbox-onnx's types; call it only when {@link OnnxRuntimeSupport#PRESENT}.
 * Its methods take and return plain {@link Model}s and glassbox-djl's own interfaces, so that classes calling them
 * load without ONNX Runtime.
 */
final class OnnxRuntimeModels {
    private OnnxRuntimeModels() {
    }

    /** An ONNX file run forward by ONNX Runtime; {@code importFailure} says why it has no graph, or is null. */
    static Model load(Path file, ModelOptions options, String importFailure) {
        return OnnxModel.load(file, options, importFailure);
    }

    /** Why a forward-only ONNX model could not be imported with gradients, or {@code null}. */
    static String importFailure(Model model) {
        return model instanceof OnnxModel onnx ? onnx.importFailure() : null;
    }

    /** ONNX Runtime computing inner tensors of the ONNX file whose one graph input is named {@code input}. */
    static InnerTensorRuntime innerTensors(Path file, String input) {
        return new OrtInnerTensors(file, input);
    }

    /**
     * One ONNX Runtime session per set of tensors asked for, opened on first use on a copy of the file whose graph
     * outputs are those tensors; a set ONNX Runtime cannot give is remembered and answered with {@code null}.
     */
    private static final class OrtInnerTensors implements InnerTensorRuntime {
        private final Path file;
        private final String input;
        private final Map<List<String>, Optional<InnerTensors>> sessions = new HashMap<>();

        OrtInnerTensors(Path file, String input) {
            this.file = file;
            this.input = input;
        }

        @Override
        public Map<String, NDArray> tensors(NDArray x, List<String> names) {
            Optional<InnerTensors> session = session(names);
            if (session.isEmpty()) {
                return null;
            }
            Map<String, InnerTensors.Values> values;
            try {
                values = session.get().run(x.toFloatArray(), x.getShape().getShape());
            } catch (IllegalArgumentException notFloat) {
                forget(names);
                return null;
            }
            NDManager manager = x.getManager();
            Map<String, NDArray> out = new LinkedHashMap<>();
            values.forEach((name, v) -> out.put(name, manager.create(v.data(), new ai.djl.ndarray.types.Shape(v.shape()))));
            return out;
        }

        private synchronized Optional<InnerTensors> session(List<String> names) {
            return sessions.computeIfAbsent(List.copyOf(names), key -> {
                try {
                    return Optional.of(InnerTensors.open(withOutputs(key), input, key, "ONNX model "
                            + file.getFileName()));
                } catch (RuntimeException refused) {
                    return Optional.empty();
                }
            });
        }

        private synchronized void forget(List<String> names) {
            sessions.put(List.copyOf(names), Optional.empty()).ifPresent(InnerTensors::close);
        }

        /** The file's model with the named tensors as its graph outputs, serialised. */
        private byte[] withOutputs(List<String> names) {
            OnnxMl.ModelProto model;
            try (InputStream in = Files.newInputStream(file)) {
                model = OnnxMl.ModelProto.parseFrom(in);
            } catch (IOException e) {
                throw new ModelLoadException("cannot read ONNX model " + file + " again: " + e.getMessage(), e);
            }
            OnnxMl.ModelProto.Builder builder = model.toBuilder();
            OnnxMl.GraphProto.Builder graph = builder.getGraphBuilder().clearOutput();
            OnnxMl.TypeProto floatTensor = OnnxMl.TypeProto.newBuilder().setTensorType(OnnxMl.TypeProto.Tensor
                    .newBuilder().setElemType(OnnxMl.TensorProto.DataType.FLOAT_VALUE)).build();
            for (String name : names) {
                graph.addOutput(OnnxMl.ValueInfoProto.newBuilder().setName(name).setType(floatTensor));
            }
            return builder.build().toByteArray();
        }

        @Override
        public synchronized void close() {
            sessions.values().forEach(session -> session.ifPresent(InnerTensors::close));
            sessions.clear();
        }
    }
}
