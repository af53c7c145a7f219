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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
     * outputs are those tensors; a set ONNX Runtime cannot give is remembered and answered with {@code null}. Each
     * session holds its own copy of the weights, so only the {@value #OPEN_SESSIONS} sets used last keep theirs open
     * (a layer method asks for one set per layer, layer after layer). Passes are serialised: a session is never
     * closed while it runs.
     */
    private static final class OrtInnerTensors implements InnerTensorRuntime {
        private static final int OPEN_SESSIONS = 2;
        private final Path file;
        private final String input;
        private final Set<List<String>> refused = new HashSet<>();
        private final Map<List<String>, InnerTensors> sessions = new LinkedHashMap<>(4, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<List<String>, InnerTensors> eldest) {
                if (size() > OPEN_SESSIONS) {
                    eldest.getValue().close();
                    return true;
                }
                return false;
            }
        };

        OrtInnerTensors(Path file, String input) {
            this.file = file;
            this.input = input;
        }

        @Override
        public synchronized Map<String, NDArray> tensors(NDArray x, List<String> names) {
            List<String> key = List.copyOf(names);
            InnerTensors session = session(key);
            if (session == null) {
                return null;
            }
            Map<String, InnerTensors.Values> values;
            try {
                values = session.run(x.toFloatArray(), x.getShape().getShape());
            } catch (IllegalArgumentException notFloat) {
                sessions.remove(key).close();
                refused.add(key);
                return null;
            }
            NDManager manager = x.getManager();
            Map<String, NDArray> out = new LinkedHashMap<>();
            values.forEach((name, v) -> out.put(name, manager.create(v.data(), new ai.djl.ndarray.types.Shape(v.shape()))));
            return out;
        }

        /** The open session for {@code names}, opened now if need be, or {@code null} when ONNX Runtime refuses them. */
        private InnerTensors session(List<String> names) {
            InnerTensors session = sessions.get(names);
            if (session != null || refused.contains(names)) {
                return session;
            }
            try {
                session = InnerTensors.open(withOutputs(names), input, names, "ONNX model " + file.getFileName());
            } catch (RuntimeException cannot) {
                refused.add(names);
                return null;
            }
            sessions.put(names, session);
            return session;
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
            sessions.values().forEach(InnerTensors::close);
            sessions.clear();
        }
    }
}
